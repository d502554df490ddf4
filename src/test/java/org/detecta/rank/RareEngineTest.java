package org.detecta.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.MatchKind;
import org.detecta.diagnosis.Query;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ranking behaviour on a hand-made 21-term ontology with five annotated diseases. */
class RareEngineTest {
  private static KnowledgeBase kb;
  private static RareEngine engine;

  @BeforeAll
  static void load() throws Exception {
    Path dir = Path.of(RareEngineTest.class.getResource("hp.small.json").toURI()).getParent();
    kb = KnowledgeBaseLoader.load(dir.resolve("hp.small.json"), dir.resolve("small.hpoa"));
    RareTrainer trainer = new RareTrainer(kb, RankParameters.defaults(), Map.of("OMIM:999999", "Case-only disorder"));
    // two cases of a disease absent from the KB, from two publications
    List<ResolvedCase> cases = List.of(
        resolved(new TermResolver(kb.terms()), "c1", "PMID:1", List.of("HP:0001629", "HP:0000107"), "OMIM:999999"),
        resolved(new TermResolver(kb.terms()), "c2", "PMID:2", List.of("HP:0001629", "HP:0010442"), "OMIM:999999"));
    engine = trainer.engine(cases, FusionModel.of(
        Map.of("similarity", 1.0, "lr-cases", 1.0, "excluded", 1.0, "knn", 1.0), 1));
  }

  private static ResolvedCase resolved(TermResolver r, String id, String pmid, List<String> observed, String disease) {
    List<String> unknown = new java.util.ArrayList<>();
    return new ResolvedCase(id, pmid, r.resolve(observed, unknown), new int[0], List.of(disease), unknown);
  }

  private static Differential diagnose(List<String> observed, List<String> excluded) {
    return engine.diagnose(Query.of(observed, excluded), 0);
  }

  @Test
  void unlistedOutcomeTakesAShareWithoutChangingTheRankingAndCanBeLeftOut() {
    RareEngine withUnlisted = new RareEngine(engine.scoringModel(), engine.weights().withUnlisted(0.5), engine.trainingCaseIds());
    Query query = Query.of(List.of("HP:0001631", "HP:0001166"), List.of());
    Differential plain = engine.diagnose(query, 0);
    Differential shared = withUnlisted.diagnose(query, 0);
    double plainSum = plain.candidates().stream().mapToDouble(c -> c.probability()).sum();
    double sharedSum = shared.candidates().stream().mapToDouble(c -> c.probability()).sum();
    assertEquals(1.0, plainSum, 1e-6);
    assertTrue(sharedSum < 0.999, "the known diseases leave the unlisted outcome its share: " + sharedSum);
    assertEquals(1.0, sharedSum + shared.unlisted(), 1e-6, "the differential names the unlisted share");
    assertEquals(0.0, plain.unlisted(), "no unlisted outcome, no share");
    assertEquals(plain.candidates().stream().map(c -> c.id()).toList(), shared.candidates().stream().map(c -> c.id()).toList());
    Differential known = withUnlisted.knownDiseasesOnly().diagnose(query, 0);
    assertEquals(plain.candidates().get(0).probability(), known.candidates().get(0).probability(), 1e-9);
    assertEquals(0.0, known.unlisted());
  }

  @Test
  void exactMatchBeatsNoMatch() {
    Differential d = diagnose(List.of("HP:0001631", "HP:0001166"), List.of());
    assertEquals("OMIM:100003", d.candidates().get(0).id());
    assertTrue(d.candidates().get(0).probability() > d.candidates().get(1).probability());
    assertTrue(d.candidates().get(0).evidence().stream().anyMatch(e -> e.match() == MatchKind.EXACT));
  }

  @Test
  void excludedTermTheDiseaseUsuallyHasPushesItDown() {
    List<String> observed = List.of("HP:0001250", "HP:0000252");
    Differential without = diagnose(observed, List.of());
    Differential with = diagnose(observed, List.of("HP:0000518"));
    double alphaWithout = probability(without, "OMIM:100001");
    double alphaWith = probability(with, "OMIM:100001");
    assertTrue(alphaWith < alphaWithout, "cataract excluded argues against Alpha (usually has it)");
    assertTrue(probability(with, "OMIM:100002") > probability(without, "OMIM:100002"), "Beta is annotated NOT cataract");
    assertTrue(with.candidates().stream().filter(c -> c.id().equals("OMIM:100001")).findFirst().orElseThrow()
        .evidence().stream().anyMatch(e -> e.match() == MatchKind.EXCLUDED_BUT_EXPECTED && e.contribution() < 0));
  }

  private static double probability(Differential d, String id) {
    return d.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().probability();
  }

  @Test
  void moreSpecificQueryTermStillMatches() {
    Differential d = diagnose(List.of("HP:0007359", "HP:0000252"), List.of());
    assertTrue(Set.of("OMIM:100001", "OMIM:100002").contains(d.candidates().get(0).id()));
    Candidate top = d.candidates().get(0);
    assertTrue(top.evidence().stream().anyMatch(e -> e.finding().equals("HP:0007359")
        && e.match() == MatchKind.QUERY_MORE_SPECIFIC && !e.feature().isEmpty()), top.evidence().toString());
  }

  @Test
  void probabilitiesSumToAtMostOneAndAreOrdered() {
    Differential d = diagnose(List.of("HP:0000256"), List.of("HP:0001250"));
    double sum = 0;
    double previous = 1;
    for (Candidate c : d.candidates()) {
      sum += c.probability();
      assertTrue(c.probability() <= previous + 1e-12);
      previous = c.probability();
    }
    assertTrue(sum <= 1 + 1e-9 && sum > 0.99, "sum " + sum);
    assertEquals("OMIM:100005", d.candidates().get(0).id());
  }

  @Test
  void tiesAreBrokenByIdDeterministically() {
    // no usable finding: every disease scores the same, so the order is by id
    Differential d = diagnose(List.of("HP:9999998"), List.of());
    List<String> ids = d.candidates().stream().map(Candidate::id).toList();
    List<String> sorted = ids.stream().sorted().toList();
    assertEquals(sorted, ids);
    assertEquals(6, ids.size());
  }

  @Test
  void caseOnlyDiseaseIsRankable() {
    assertTrue(engine.knowsDisease("OMIM:999999"));
    Differential d = diagnose(List.of("HP:0001629", "HP:0000107"), List.of());
    assertEquals("OMIM:999999", d.candidates().get(0).id());
    assertEquals("Case-only disorder", d.candidates().get(0).name());
  }

  @Test
  void aCandidateWithTrainingCasesNamesTheMostSimilarOnes() {
    Differential d = diagnose(List.of("HP:0001629", "HP:0000107"), List.of());
    var first = d.candidates().get(0);
    assertEquals("OMIM:999999", first.id());
    assertEquals(List.of("c1", "c2"), first.similarCases().stream().map(org.detecta.diagnosis.SimilarCase::caseId)
        .toList(), "c1 has exactly the query's terms: first");
    assertEquals("PMID:1", first.similarCases().get(0).publication());
    assertEquals(1.0, first.similarCases().get(0).similarity(), 1e-5);
    assertTrue(d.candidates().stream().filter(c -> !c.id().equals("OMIM:999999"))
        .allMatch(c -> c.similarCases().isEmpty()), "KB diseases without training cases name none");
  }

  @Test
  void unknownIdsAreReportedAndTheRestStillRanks() {
    Differential d = diagnose(List.of("HP:0001631", "HP:0001166", "HP:9999999"), List.of());
    assertEquals(List.of("HP:9999999"), d.unrecognised());
    assertEquals("OMIM:100003", d.candidates().get(0).id());
  }

  @Test
  void artifactRoundTripKeepsTheRanking() throws Exception {
    TermResolver r = new TermResolver(kb.terms());
    ResolvedCase c1 = new ResolvedCase("c1", "PMID:1", r.resolve(List.of("HP:0001629", "HP:0000107"), new java.util.ArrayList<>()),
        r.resolve(List.of("HP:0001250"), new java.util.ArrayList<>()), List.of("OMIM:999999"), List.of());
    RareArtifact artifact = new RareArtifact(kb.release(), RankParameters.defaults(),
        new FusionModel(java.util.stream.IntStream.range(0, FusionFeatures.COUNT).mapToDouble(f -> 0.1 * f - 0.5)
            .toArray(), 2), List.of(c1),
        Map.of("OMIM:999999", "Case-only disorder"));
    RareArtifact back = RareArtifact.read(artifact.write(kb.terms()), kb.terms());
    assertEquals(artifact.weights(), back.weights());
    assertEquals(artifact.release(), back.release());
    assertEquals(List.of("c1"), back.trainingCaseIds());
    assertEquals(List.of("OMIM:999999"), back.cases().get(0).diagnoses());
    assertArrayEquals(c1.observed(), back.cases().get(0).observed());
    assertArrayEquals(c1.excluded(), back.cases().get(0).excluded());
    assertEquals("PMID:1", back.cases().get(0).group());
    assertEquals(artifact.labels(), back.labels());
  }

  @Test
  void artifactOfAnOlderFormatIsRefusedWithAClearMessage() throws Exception {
    for (int format : new int[] {1, 2, 3, RareArtifact.FORMAT + 1}) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
        out.writeInt(0x52415245);
        out.writeInt(format);
      }
      java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
          () -> RareArtifact.read(bytes.toByteArray(), kb.terms()));
      assertTrue(e.getMessage().contains("format " + format) && e.getMessage().contains("retrain"), e.getMessage());
    }
  }

  @Test
  void artifactKeepsTheLikelihoodConstants() throws Exception {
    RankParameters fitted = RankParameters.defaults().withNoise(0.2).withSizeExponent(1).withFrequencyExponent(0.25)
        .withUnknownFrequency(1.0).withNotPenalty(0.1).withReportingPseudoCount(3);
    RareArtifact artifact = new RareArtifact(kb.release(), fitted, new FusionModel(new double[FusionFeatures.COUNT], 1), List.of(),
        Map.of());
    assertEquals(fitted, RareArtifact.read(artifact.write(kb.terms()), kb.terms()).parameters());
  }

  @Test
  void artifactOfFormat5LoadsWithoutReportingRatesAsItWasTrained() throws Exception {
    RankParameters parameters = RankParameters.defaults();
    assertTrue(parameters.reportingPseudoCount() > 0);
    RareArtifact artifact = new RareArtifact(kb.release(), parameters, FusionModel.of(Map.of("similarity", 1.0), 1),
        List.of(), Map.of());
    byte[] raw = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(artifact.write(kb.terms())))
        .readAllBytes();
    java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(raw));
    in.readInt();
    in.readInt();
    for (int i = 0; i < 4; i++) {
      in.readUTF();
    }
    int at = raw.length - in.available() + 8 * Double.BYTES; // after the eight constants of format 5
    java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(old))) {
      out.write(raw, 0, 4);
      out.writeInt(5);
      out.write(raw, 8, at - 8);
      out.write(raw, at + Double.BYTES, raw.length - at - Double.BYTES);
    }
    assertEquals(parameters.withReportingPseudoCount(0), RareArtifact.read(old.toByteArray(), kb.terms()).parameters());
  }

  @Test
  void artifactKeepsTheUnlistedLogitAndItTakesItsShareOfTheProbability() throws Exception {
    FusionModel fusion = FusionModel.of(Map.of("similarity", 1.0), 0.8).withUnlisted(-1.25);
    RareArtifact artifact = new RareArtifact(kb.release(), RankParameters.defaults(), fusion, List.of(), Map.of());
    assertEquals(fusion, RareArtifact.read(artifact.write(kb.terms()), kb.terms()).weights());
    float[] logits = {0.4f, -0.3f, 1.2f};
    double known = 0;
    for (float z : logits) {
      known += Math.exp(z / 0.8);
    }
    double unlisted = Math.exp(-1.25);
    assertEquals(Math.log(known + unlisted), fusion.logNormaliser(logits), 1e-6);
    assertEquals(Math.log(known), fusion.withUnlisted(Double.NEGATIVE_INFINITY).logNormaliser(logits), 1e-6);
  }

  @Test
  void weightsOfFeaturesAddedSinceTheArtifactWasWrittenAreZeroAndUnknownNamesRefused() throws Exception {
    FusionModel old = RareArtifact.readWeights(weights(0.9, "similarity", 1.5, "knn", 2.0), 4);
    assertEquals(FusionModel.of(Map.of("similarity", 1.5, "knn", 2.0), 0.9), old);
    assertEquals(Double.NEGATIVE_INFINITY, old.unlisted(), "format 4 had no unlisted-disease logit");
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> RareArtifact.readWeights(weights(1, "similarity", 1.0, "no-such-feature", 1.0), 4));
    assertTrue(e.getMessage().contains("no-such-feature") && e.getMessage().contains("retrain"), e.getMessage());
  }

  /** Named weights then a temperature, as the artifact stores them. */
  private static java.io.DataInputStream weights(double temperature, Object... nameValue) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeInt(nameValue.length / 2);
      for (int i = 0; i < nameValue.length; i += 2) {
        out.writeUTF((String) nameValue[i]);
        out.writeDouble((Double) nameValue[i + 1]);
      }
      out.writeDouble(temperature);
    }
    return new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
  }
}
