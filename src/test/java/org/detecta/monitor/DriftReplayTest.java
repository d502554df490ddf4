package org.detecta.monitor;

import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Query;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.detecta.registry.ArtifactStore;
import org.detecta.registry.Database;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.detecta.serve.TinyBayesFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays simulated patients through the tiny model into a real prediction log: the first window is the
 * reference; a window from the same population raises no alarm, a window with a shifted case mix does.
 */
class DriftReplayTest {
  private static final String[] SYMPTOMS = {"HP:0001945", "cough", "headache", "fatigue", "itching", "skin_rash",
      "sneezing", "nausea", "vomiting", "diarrhoea", "blurred_vision"};

  /** A patient whose findings each appear with the population's probability. */
  private static List<String> patient(Random random, double[] rates) {
    List<String> observed = new ArrayList<>();
    for (int i = 0; i < SYMPTOMS.length; i++) {
      if (random.nextDouble() < rates[i]) {
        observed.add(SYMPTOMS[i]);
      }
    }
    if (observed.isEmpty()) {
      observed.add(SYMPTOMS[random.nextInt(SYMPTOMS.length)]);
    }
    return observed;
  }

  private static void replay(PredictionLog log, org.detecta.diagnosis.DiagnosticModel model, ModelVersion version,
                             Random random, double[] rates, int n, Instant start) {
    for (int i = 0; i < n; i++) {
      List<String> observed = patient(random, rates);
      Differential d = model.diagnose(Query.of(observed, List.of()), 3);
      log.record(new LoggedPrediction(UUID.randomUUID().toString(), start.plusMillis(i), version.name(), version.version(),
          observed, List.of(), d.candidates().stream().map(c -> new LoggedPrediction.Ranked(c.id(), c.probability())).toList(), 1.0));
    }
    log.flush(Duration.ofSeconds(10));
  }

  private static String summary(MonitorService.Assessment a) {
    DriftMonitor.DriftReport d = a.drift().orElseThrow();
    return String.format(java.util.Locale.ROOT, "findings PSI %.4f p %.3g, classes PSI %.4f p %.3g",
        d.findingPsi(), d.findingChi().pValue(), d.classPsi(), d.classChi().pValue());
  }

  @Test
  void alarmFiresOnShiftedDataOnly(@TempDir Path home) throws Exception {
    ModelRegistry registry = new ModelRegistry(Database.open(DatabaseConfig.embedded(home)), new ArtifactStore(home.resolve("a")));
    TinyBayesFamily family = new TinyBayesFamily("tiny");
    TrainedModel trained = family.train(new TrainingContext(home, 1, s -> { }, () -> null));
    ModelVersion version = registry.register(trained, "t", "t", "t");
    var model = family.load(trained.artifact(), () -> null);
    double[] population = {0.3, 0.3, 0.3, 0.2, 0.2, 0.15, 0.15, 0.15, 0.1, 0.1, 0.1};
    double[] shifted = {0.05, 0.05, 0.3, 0.05, 0.2, 0.15, 0.15, 0.6, 0.6, 0.6, 0.1}; // a gastro outbreak
    int window = 500;
    try (PredictionLog log = new PredictionLog(registry.database().config())) {
      MonitorService monitor = new MonitorService(log, DriftThresholds.defaults(), window);
      Instant t0 = Instant.now().minusSeconds(3600);
      replay(log, model, version, new Random(1), population, window, t0);
      replay(log, model, version, new Random(2), population, window, t0.plusSeconds(600));
      MonitorService.Assessment stable = monitor.assess(version);
      assertTrue(stable.drift().isPresent());
      assertFalse(stable.drift().get().alarm(), "unshifted data raised the alarm: " + stable.drift().get());

      replay(log, model, version, new Random(3), shifted, window, t0.plusSeconds(1200));
      MonitorService.Assessment drifted = monitor.assess(version);
      assertTrue(drifted.drift().get().alarm(), "shifted data did not raise the alarm: " + drifted.drift().get());
      assertTrue(drifted.drift().get().findingPsi() > DriftThresholds.defaults().psi());
      System.err.println("drift replay: stable " + summary(stable) + "; shifted " + summary(drifted));
      String html = MonitorReport.html(List.of(stable, drifted), DriftThresholds.defaults());
      assertTrue(html.contains("DRIFT ALARM") && html.contains("<svg"));
    }
  }
}
