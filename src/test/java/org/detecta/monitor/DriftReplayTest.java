package org.detecta.monitor;

import org.detecta.pipeline.TrainedModel;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.detecta.registry.TestRegistries;
import org.detecta.serve.TinyBayesFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.detecta.monitor.SimulatedPatients.OUTBREAK;
import static org.detecta.monitor.SimulatedPatients.POPULATION;
import static org.detecta.monitor.SimulatedPatients.replay;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays simulated patients through the tiny model into a real prediction log: the first window is the
 * reference; a window from the same population raises no alarm, a window with a shifted case mix does.
 */
class DriftReplayTest {
  private static String summary(MonitorService.Assessment a) {
    DriftMonitor.DriftReport d = a.drift().orElseThrow();
    return String.format(java.util.Locale.ROOT, "findings PSI %.4f p %.3g, classes PSI %.4f p %.3g",
        d.findingPsi(), d.findingChi().pValue(), d.classPsi(), d.classChi().pValue());
  }

  @Test
  void alarmFiresOnShiftedDataOnly(@TempDir Path home) throws Exception {
    ModelRegistry registry = TestRegistries.embedded(home);
    TinyBayesFamily family = new TinyBayesFamily("tiny");
    TrainedModel trained = family.trained();
    ModelVersion version = registry.register(trained, "t", "t", "t");
    var model = family.load(trained.artifact(), () -> null);
    int window = 500;
    try (PredictionLog log = new PredictionLog(registry.database().config())) {
      MonitorService monitor = new MonitorService(log, DriftThresholds.defaults(), window);
      Instant t0 = Instant.now().minusSeconds(3600);
      replay(log, model, version, new Random(1), POPULATION, window, t0);
      replay(log, model, version, new Random(2), POPULATION, window, t0.plusSeconds(600));
      MonitorService.Assessment stable = monitor.assess(version);
      assertTrue(stable.drift().isPresent());
      assertFalse(stable.drift().get().alarm(), "unshifted data raised the alarm: " + stable.drift().get());

      replay(log, model, version, new Random(3), OUTBREAK, window, t0.plusSeconds(1200));
      MonitorService.Assessment drifted = monitor.assess(version);
      assertTrue(drifted.drift().get().alarm(), "shifted data did not raise the alarm: " + drifted.drift().get());
      assertTrue(drifted.drift().get().findingPsi() > DriftThresholds.defaults().psi());
      System.err.println("drift replay: stable " + summary(stable) + "; shifted " + summary(drifted));
      String html = MonitorReport.html(List.of(stable, drifted), DriftThresholds.defaults());
      assertTrue(html.contains("DRIFT ALARM") && html.contains("<svg"));
    }
  }
}
