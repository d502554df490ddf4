package org.detecta.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.detecta.SharedData;
import org.detecta.cases.PatientCase;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.diagnosis.MatchKind;
import org.detecta.diagnosis.Query;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trains each common-disease family on the shared data, restores the artifact through
 * {@link ModelFamily#load}, and scores the restored model on the (rebuilt, identical) test split with the
 * metrics of {@code detecta evaluate --json}: they must equal what the release gate measured.
 */
class CommonModelsIT {
  @TempDir
  Path home;

  @ParameterizedTest
  @ValueSource(strings = {"ddxplus", "kaggle-symptoms"})
  void trainsReleasesAndReloads(String name) throws Exception {
    CommonModelFamily family = name.equals("ddxplus") ? CommonModelFamily.ddxplus(home) : CommonModelFamily.kaggleSymptoms(home);
    Path data = SharedData.dir();
    assertTrue(family.canTrain(data));
    long seed = 42;
    // Round 1 of models.yaml only: the wider rounds (run when the gate fails) take minutes and are the same code.
    ModelsConfig full = ModelsConfig.load(ModelsConfig.configFile("models.yaml"));
    ModelsConfig firstRound = new ModelsConfig(full.defaults(), full.grids(), full.rounds().subList(0, 1), full.transformK(),
        full.refitOnTrainAndValidation(), full.selectionFolds(), full.referenceWeight());
    ReleaseRequirements gate = ReleaseRequirements.load(ModelsConfig.configFile("requirements.yaml"), name);
    TrainedModel trained = new CommonTrainer(family.source(), home, firstRound, gate).train(new TrainingContext(data, seed,
        line -> System.err.println(name + ": " + line),
        () -> { throw new AssertionError("common models need no knowledge base"); }));
    // The gate decides on the test split against config/requirements.yaml; whatever it decided must be what
    // the requirements say about the measured figures (DDXPlus may honestly miss its 0.99 top-1 target).
    List<String> expected = gate.failures(trained.metrics().get("test"),
        trained.metrics().get("performance").get("latencyMs"), trained.artifact().length);
    assertEquals(expected.isEmpty(), trained.gatePassed(), "gate: " + trained.gateReasons());
    assertEquals(trained.gatePassed(), trained.gateReasons().isEmpty());
    assertEquals(family.source().files().size(), trained.data().size(), "fingerprints: " + trained.data());
    // The drift reference of the training data travels with the model (the registry stores it as metadata.reference).
    var reference = org.detecta.monitor.DriftReference.fromMetadata(new com.fasterxml.jackson.databind.ObjectMapper()
        .valueToTree(Map.of("reference", trained.parameters().get(TrainedModel.DRIFT_REFERENCE)))).orElseThrow();
    assertEquals(new java.util.HashSet<>(trained.outputs()), reference.classes().keySet(), "every training class has a share");
    assertEquals(1.0, reference.findings().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-3);
    assertTrue(reference.findings().keySet().stream().allMatch(k -> k.startsWith("+") || k.startsWith("-")));

    DiagnosticModel model = family.load(trained.artifact(), () -> null);
    List<PatientCase> test = CommonTrainer.split(family.source().prepare(data), seed).get(GroupSplit.TEST);
    int top1 = 0;
    int top3 = 0;
    int top10 = 0;
    int notInModel = 0;
    double mrr = 0;
    for (PatientCase c : test) {
      if (c.diagnoses().stream().noneMatch(model::knowsDisease)) {
        notInModel++;
      }
      int rank = model.diagnose(Query.of(c), 10).rankOfAny(c.diagnoses());
      top1 += rank == 1 ? 1 : 0;
      top3 += rank >= 1 && rank <= 3 ? 1 : 0;
      top10 += rank >= 1 ? 1 : 0;
      mrr += rank >= 1 ? 1.0 / rank : 0;
    }
    int n = test.size();
    System.err.printf(Locale.ROOT, "{\"model\":\"%s\",\"cases\":%d,\"top1\":%.4f,\"top3\":%.4f,\"top10\":%.4f,\"mrr\":%.4f,\"notInModel\":%d}%n",
        name, n, top1 / (double) n, top3 / (double) n, top10 / (double) n, mrr / n, notInModel);
    assertEquals(trained.metrics().get("test").get("top1"), top1 / (double) n, 1e-9, "restored model differs from the gated one");
    assertEquals(0, notInModel);

    PatientCase first = test.get(0);
    List<String> findings = new java.util.ArrayList<>(first.observed());
    findings.add("no_such_symptom");
    Differential differential = model.diagnose(new Query(findings, List.of(), first.sex(), first.ageYears()), 5);
    assertEquals(List.of("no_such_symptom"), differential.unrecognised());
    Candidate best = differential.candidates().get(0);
    assertEquals(DiseaseKind.COMMON, best.kind());
    assertFalse(best.evidence().isEmpty());
    assertTrue(best.evidence().stream().allMatch(e -> e.match() == MatchKind.LEARNED));
    assertTrue(Files.list(home.resolve("reports")).findAny().isPresent());
  }
}
