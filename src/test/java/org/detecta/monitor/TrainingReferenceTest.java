package org.detecta.monitor;

import org.detecta.cases.PatientCase;
import org.detecta.cases.Sex;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Query;
import org.detecta.pipeline.TrainedModel;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.detecta.registry.TestRegistries;
import org.detecta.serve.TinyBayesFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.detecta.monitor.SimulatedPatients.OUTBREAK;
import static org.detecta.monitor.SimulatedPatients.POPULATION;
import static org.detecta.monitor.SimulatedPatients.patient;
import static org.detecta.monitor.SimulatedPatients.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drift reference written at training time: shares computed from the training cases, stored by the registry as
 * {@code metadata.reference} (not among the parameters), and used by the monitor from the very first window.
 */
class TrainingReferenceTest {
  @Test
  void sharesCountEveryMentionAndEveryCase() {
    DriftReference ref = DriftReference.ofCases(List.of(
        new PatientCase("a", "t", Optional.empty(), Sex.UNKNOWN, Optional.empty(), List.of("x", "y"), List.of("z"), List.of("D1")),
        new PatientCase("b", "t", Optional.empty(), Sex.UNKNOWN, Optional.empty(), List.of("x"), List.of(), List.of("D2", "D1"))));
    assertEquals(Map.of("+x", 0.5, "+y", 0.25, "-z", 0.25), ref.findings());
    assertEquals(Map.of("D1", 0.5, "D2", 0.5), ref.classes());
    assertEquals("training", ref.source());
    @SuppressWarnings("unchecked")
    Map<String, Double> stored = (Map<String, Double>) ref.toMetadata().get("findings");
    assertEquals(0.25, stored.get("+y"));
  }

  @Test
  void registeredReferenceIsMetadataAndDrivesTheMonitorFromTheFirstWindow(@TempDir Path home) throws Exception {
    ModelRegistry registry = TestRegistries.embedded(home);
    TinyBayesFamily family = new TinyBayesFamily("tiny");
    TrainedModel plain = family.trained();
    DiagnosticModel model = family.load(plain.artifact(), () -> null);
    // "Training data": patients of the usual population, labelled with their (model) diagnosis.
    Random random = new Random(7);
    List<PatientCase> training = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      List<String> observed = patient(random, POPULATION);
      String label = model.diagnose(Query.of(observed, List.of()), 1).candidates().get(0).id();
      training.add(new PatientCase("c" + i, "t", Optional.empty(), Sex.UNKNOWN, Optional.empty(), observed, List.of(), List.of(label)));
    }
    Map<String, Object> parameters = new LinkedHashMap<>(plain.parameters());
    parameters.put(TrainedModel.DRIFT_REFERENCE, DriftReference.ofCases(training).toMetadata());
    TrainedModel trained = new TrainedModel(plain.name(), plain.artifact(), parameters, plain.metrics(), plain.data(),
        plain.inputs(), plain.outputs(), plain.gatePassed(), plain.gateReasons());
    ModelVersion version = registry.register(trained, "t", "t", "t");

    assertTrue(version.metadata().path("reference").path("findings").has("+cough"), version.metadata().toString());
    assertFalse(version.metadata().path("parameters").has("reference"), "the reference is not a hyper-parameter");
    assertEquals(1.0, version.metadata().path("parameters").path("smoothing").asDouble());

    int window = 500;
    try (PredictionLog log = new PredictionLog(registry.database().config())) {
      MonitorService monitor = new MonitorService(log, DriftThresholds.defaults(), window);
      Instant t0 = Instant.now().minusSeconds(3600);
      replay(log, model, version, new Random(11), POPULATION, window, t0);
      MonitorService.Assessment usual = monitor.assess(version);
      assertEquals("training", usual.reference().orElseThrow().source());
      assertEquals(window, usual.drift().orElseThrow().window(), "judged on the first window: no need to wait for a second");
      assertFalse(usual.drift().get().alarm(), "the usual population raised the alarm: " + usual.drift().get());

      replay(log, model, version, new Random(12), OUTBREAK, window, t0.plusSeconds(600));
      MonitorService.Assessment outbreak = monitor.assess(version);
      assertTrue(outbreak.drift().orElseThrow().alarm(), "shifted data did not raise the alarm: " + outbreak.drift().get());
    }
  }
}
