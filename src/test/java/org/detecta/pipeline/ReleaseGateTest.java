package org.detecta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.detecta.learn.ModelSpec;
import org.junit.jupiter.api.Test;

/** The repository's config files parse, and the gate names every unmet requirement. */
class ReleaseGateTest {
  @Test
  void gateListsEveryFailure() throws Exception {
    ReleaseRequirements r = ReleaseRequirements.load(Path.of("config/requirements.yaml"), "ddxplus");
    Map<String, Double> good = Map.of("top1", 0.999, "macroRecall", 0.999, "ece", 0.001);
    assertEquals(List.of(), r.failures(good, 1.0, 1000));
    List<String> reasons = r.failures(Map.of("top1", 0.5, "macroRecall", 0.999, "ece", 0.5), 1e6, Long.MAX_VALUE);
    assertEquals(4, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("test top1 0.5000"));
  }

  @Test
  void classifiersTooLargeForTheArtifactLimitAreNotReleasable() {
    ReleaseRequirements r = new ReleaseRequirements(0.9, 0.9, 0.1, 20, 4000);
    assertTrue(r.fitsSize(3000), "3000 bytes are 4000 in base64");
    assertTrue(!r.fitsSize(3001), "3001 bytes are 4004 in base64");
  }

  @Test
  void searchIsSeededAndStartsWithDefaults() throws Exception {
    ModelsConfig config = ModelsConfig.load(Path.of("config/models.yaml"));
    ModelsConfig.Round wide = config.rounds().get(config.rounds().size() - 1);
    List<ModelSpec> a = config.candidates(wide, 5);
    assertEquals(a, config.candidates(wide, 5));
    assertEquals(config.defaults().get(a.get(0).family()), a.get(0).params());
    assertTrue(a.size() > wide.families().size());
  }
}
