package org.detecta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.detecta.Detecta;
import org.detecta.SharedData;
import org.detecta.config.DetectaPaths;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.learn.CommonModel;
import org.detecta.pipeline.CommonSource;
import org.detecta.pipeline.CommonTrainer;
import org.detecta.pipeline.DdxplusSource;
import org.detecta.pipeline.KaggleSymptomSource;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.ModelsConfig;
import org.detecta.pipeline.ReleaseRequirements;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detecta evaluate --cases FILE.csv} end to end on the real files: a DDXPlus patient CSV, the Kaggle
 * wide table and its long form, with and without masking, and refusals (exit 2, nothing written) for
 * malformed rows, unknown symptom names and a model that does not speak the file's vocabulary. The two
 * models are trained with logistic regression only (the full search is the pipeline's business), so the
 * test takes seconds; they are stored and loaded exactly as {@code detecta train} does.
 */
class CommonEvaluateIT {
  @TempDir
  static Path home;
  private static String data;

  @BeforeAll
  static void trainSmallModels() throws Exception {
    data = SharedData.dir().toString();
    Detecta detecta = new Detecta(DetectaPaths.resolve(Optional.of(SharedData.dir()), Optional.of(home)));
    ModelsConfig logisticOnly = new ModelsConfig(Map.of("logistic", Map.<String, Object>of("epochs", 20, "learningRate", 0.5)), Map.of(),
        List.of(new ModelsConfig.Round(List.of("logistic"), List.of("none"), 1)), Map.of(), false);
    ReleaseRequirements none = new ReleaseRequirements(0, 0, 1, Double.MAX_VALUE, Long.MAX_VALUE);
    List<ModelFamily> families = List.of(family(new DdxplusSource(), logisticOnly, none),
        family(new KaggleSymptomSource(), logisticOnly, none));
    assertEquals(0, new TrainCommand().train(detecta.registry(), families, detecta, "it"));
  }

  private static ModelFamily family(CommonSource source, ModelsConfig config, ReleaseRequirements gate) {
    return new ModelFamily() {
      @Override
      public String name() {
        return source.name();
      }

      @Override
      public boolean canTrain(Path dataDir) {
        return true;
      }

      @Override
      public TrainedModel train(TrainingContext context) throws IOException {
        return new CommonTrainer(source, home, config, gate).train(context);
      }

      @Override
      public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> kb) throws IOException {
        return CommonModel.load(artifact);
      }
    };
  }

  private record Result(int exit, String out) {
    JsonNode json() throws IOException {
      String[] lines = out.strip().split("\n");
      assertEquals(1, lines.length, out);
      return new ObjectMapper().readTree(lines[0]);
    }
  }

  private static Result evaluate(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("evaluate", "--json", "--home", home.toString(), "--data", data));
    all.addAll(List.of(args));
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      int exit = Main.run(all.toArray(String[]::new));
      return new Result(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  private static Path sample(String name, String sourceFile, int rows) throws IOException {
    List<String> lines = Files.readAllLines(SharedData.dir().resolve(sourceFile));
    Path out = home.resolve(name);
    Files.write(out, lines.subList(0, Math.min(lines.size(), rows + 1)));
    return out;
  }

  private static List<String> keys(JsonNode json) {
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static final List<String> CONTRACT = List.of("model", "version", "cases", "top1", "top3", "top10", "mrr",
      "notInModel", "seconds");

  @Test
  void ddxplusPatientCsvGivesTheContractLineAndTheReferenceDifferentialAgreement() throws Exception {
    Path csv = sample("ddxplus-sample.csv", "ddxplus/patients.csv", 40);
    Result r = evaluate("--cases", csv.toString(), "--model", "ddxplus");
    assertEquals(0, r.exit(), r.out());
    JsonNode json = r.json();
    assertEquals(CONTRACT, keys(json).subList(0, CONTRACT.size()));
    assertEquals("ddxplus", json.get("model").asText());
    assertEquals(40, json.get("cases").asInt());
    assertTrue(json.get("top3").asDouble() >= json.get("top1").asDouble());
    assertTrue(json.get("top1").asDouble() > 0.5, "rows partly seen in training, so high: " + json);
    for (String k : List.of("referenceTop5Precision", "referenceTop5Recall", "referenceTop5F1")) {
      double v = json.get(k).asDouble();
      assertTrue(v > 0 && v <= 1, k + "=" + v);
    }
  }

  @Test
  void maskingHidesFindingsAndReportsFullEvidenceNextToIt() throws Exception {
    Path csv = sample("ddxplus-mask.csv", "ddxplus/patients.csv", 40);
    JsonNode masked = evaluate("--cases", csv.toString(), "--model", "ddxplus", "--mask", "0.5", "--seed", "1").json();
    JsonNode full = evaluate("--cases", csv.toString(), "--model", "ddxplus").json();
    assertEquals(0.5, masked.get("mask").asDouble());
    assertEquals(full.get("top1").asDouble(), masked.get("fullTop1").asDouble(), 1e-12);
    assertTrue(masked.get("top1").asDouble() <= full.get("top1").asDouble());
    JsonNode again = evaluate("--cases", csv.toString(), "--model", "ddxplus", "--mask", "0.5", "--seed", "1").json();
    assertEquals(masked.get("top1").asDouble(), again.get("top1").asDouble(), 1e-12, "seeded masking is repeatable");
  }

  @Test
  void kaggleWideAndLongFormsGiveTheContractLine() throws Exception {
    Path wide = sample("kaggle-wide.csv", "kaggle-disease-symptom/Training.csv", 30);
    JsonNode w = evaluate("--cases", wide.toString(), "--model", "kaggle-symptoms").json();
    assertEquals(CONTRACT, keys(w), "no DDXPlus-only keys for the Kaggle table");
    assertEquals(30, w.get("cases").asInt());
    Path longForm = sample("kaggle-long.csv", "kaggle-disease-symptom/dataset.csv", 30);
    JsonNode l = evaluate("--cases", longForm.toString(), "--model", "kaggle-symptoms").json();
    assertEquals(30, l.get("cases").asInt());
    assertTrue(l.get("top10").asDouble() > 0.5, l.toString());
  }

  @Test
  void badTablesAreRefusedWithExitTwoAndNothingWritten() throws Exception {
    List<String> lines = Files.readAllLines(SharedData.dir().resolve("kaggle-disease-symptom/Training.csv"));
    Path wrongType = home.resolve("wrong-type.csv");
    Files.write(wrongType, List.of(lines.get(0), lines.get(1).replaceFirst("^[01],", "yes,"), lines.get(2)));
    Path report = home.resolve("ranks.tsv");
    Result r = evaluate("--cases", wrongType.toString(), "--model", "kaggle-symptoms", "--out", report.toString());
    assertEquals(2, r.exit());
    assertTrue(r.out().isEmpty(), "no JSON line on refusal: " + r.out());
    assertFalse(Files.exists(report));

    Path unknownSymptom = home.resolve("unknown-symptom.csv");
    Files.write(unknownSymptom, List.of(lines.get(0).replaceFirst("^itching,", "tingling_toes,"),
        lines.get(1).replaceFirst("^[01],", "1,"), lines.get(2)));
    assertEquals(2, evaluate("--cases", unknownSymptom.toString(), "--model", "kaggle-symptoms",
        "--out", report.toString()).exit());
    assertFalse(Files.exists(report));

    Path ddxplus = sample("ddxplus-wrong-model.csv", "ddxplus/patients.csv", 5);
    assertEquals(2, evaluate("--cases", ddxplus.toString(), "--model", "kaggle-symptoms").exit());
    assertEquals(2, evaluate("--cases", ddxplus.toString(), "--model", "ddxplus", "--mask", "1.5").exit());
  }
}
