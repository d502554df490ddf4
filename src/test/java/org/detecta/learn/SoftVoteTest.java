package org.detecta.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The forest + naive Bayes vote: weighted mean of its members, stored member by member as plain forest + Tribuo NB. */
class SoftVoteTest {
  private static final List<String> CLASSES = List.of("cold", "flu", "gastro");
  private static final FeatureSpace SPACE = FeatureSpace.symptoms(List.of("cough", "fever", "runny_nose", "vomiting", "diarrhoea"));
  private static final double[][] X = {{1, 0, 1, 0, 0}, {0, 0, 1, 0, 0}, {1, 0, 1, 0, 0}, {1, 1, 0, 0, 0}, {0, 1, 0, 0, 0},
      {1, 1, 0, 0, 0}, {0, 0, 0, 1, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 1, 0}};
  private static final int[] Y = {0, 0, 0, 1, 1, 1, 2, 2, 2};

  @Test
  void voteIsTheWeightedMeanAndRoundTrips() throws Exception {
    ModelSpec spec = new ModelSpec("forest-nb", Map.of("trees", 9, "maxDepth", 5, "featureFraction", 0.8, "alpha", 0.1,
        "nbWeight", 0.25), "none", 0);
    SoftVote vote = assertInstanceOf(SoftVote.class, Families.fit(spec, X, Y, CLASSES, 3));
    assertInstanceOf(TreeEnsemble.class, vote.members().get(0).classifier());
    double[][] forest = vote.members().get(0).classifier().probabilities(X);
    double[][] bayes = vote.members().get(1).classifier().probabilities(X);
    double[][] mixed = vote.probabilities(X);
    for (int r = 0; r < X.length; r++) {
      for (int c = 0; c < CLASSES.size(); c++) {
        assertEquals((forest[r][c] + 0.25 * bayes[r][c]) / 1.25, mixed[r][c], 1e-12);
      }
    }

    byte[] bytes = CommonModelArtifact.store("toy", spec.toString(), SPACE, Optional.empty(), 0.7, CLASSES, vote, Optional.empty()).orElseThrow();
    String json = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"vote\"") && json.contains("\"forest\"") && json.contains("\"tribuoModel\""), json.substring(0, 120));
    CommonModel model = new CommonModel("toy", SPACE, Optional.empty(), vote, 0.7, CLASSES);
    CommonModel restored = CommonModel.load(bytes);
    for (int r = 0; r < X.length; r++) {
      assertArrayEquals(model.probabilities(X)[r], restored.probabilities(X)[r], 1e-12);
    }
    assertEquals("gastro", restored.diagnose(org.detecta.diagnosis.Query.of(List.of("vomiting", "diarrhoea"), List.of()), 1)
        .candidates().get(0).id());
  }

  @Test
  void badWeightsAndUnstorableMembersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SoftVote.Member(0.0, new SoftVote(List.of())));
    DenseNetwork dense = BernoulliNaiveBayes.fit(X, Y, 3, 0.1, 1.0);
    SoftVote withDense = new SoftVote(List.of(new SoftVote.Member(1.0, dense)));
    assertTrue(CommonModelArtifact.store("toy", "x", SPACE, Optional.empty(), 1.0, CLASSES, withDense, Optional.empty()).isEmpty(),
        "a dense network is stored by DenseNetworkArtifact, not inside a vote");
    assertTrue(CommonModelArtifact.store("toy", "x", SPACE, Optional.empty(), 1.0, CLASSES, dense, Optional.empty()).isPresent());
  }
}
