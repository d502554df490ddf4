package org.detecta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandIT {
  @TempDir
  Path home;

  private String run(int expectedExit, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(expectedExit, Main.run(args));
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).trim();
  }

  @Test
  void extractPrintsOneJsonLineWithLanguageAndFindings() throws Exception {
    Path note = home.resolve("note.txt");
    Files.writeString(note, "Niña de 3 años con crisis convulsivas. Sin fiebre. Madre con epilepsia.");
    String out = run(ExitCodes.OK, "extract", "--data", SharedData.dir().toString(), "--home", home.toString(),
        "--text", note.toString(), "--json");
    assertEquals(1, out.lines().count(), out);
    JsonNode json = new ObjectMapper().readTree(out);
    assertEquals("es", json.get("language").asText());
    JsonNode first = json.get("findings").get(0);
    assertEquals("crisis convulsivas", first.get("text").asText());
    assertEquals("HP:0001250", first.get("hpo_id").asText());
    assertEquals("present", first.get("status").asText());
    assertEquals(19, first.get("start").asInt());
    assertEquals("absent", json.get("findings").get(1).get("status").asText());
    assertEquals("family", json.get("findings").get(2).get("status").asText());
  }

  @Test
  void evaluateExtractionPrintsTheContractLine() throws Exception {
    String out = run(ExitCodes.OK, "evaluate", "--extraction", "--data", SharedData.dir().toString(), "--home", home.toString(),
        "--corpus", SharedData.path("text/GSCplus_dev_gold.tsv").toString(), "--json");
    JsonNode json = new ObjectMapper().readTree(out);
    assertEquals(22, json.get("documents").asInt());
    for (String level : new String[] {"mention", "document"}) {
      for (String key : new String[] {"precision", "recall", "f1"}) {
        double value = json.get(level).get(key).asDouble();
        assertTrue(value > 0 && value <= 1, level + "." + key + " = " + value);
      }
    }
    assertTrue(json.has("seconds"));
    assertEquals(List.of("documents", "mention", "document", "seconds"), fieldNames(json));
    JsonNode baseline = new ObjectMapper().readTree(run(ExitCodes.OK, "evaluate", "--extraction", "--baseline",
        "--data", SharedData.dir().toString(), "--home", home.toString(),
        "--corpus", SharedData.path("text/GSCplus_dev_gold.tsv").toString(), "--json"));
    assertTrue(baseline.at("/document/f1").asDouble() < json.at("/document/f1").asDouble(), baseline + " vs " + json);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void extractionCrossValidationComparesTheProductWithLearntWordingOnHeldOutFolds() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run(ExitCodes.OK, "evaluate", "--extraction", "--cv", "3",
        "--data", SharedData.dir().toString(), "--home", home.toString(),
        "--corpus", SharedData.path("text/GSCplus_dev_gold.tsv").toString(), "--json"));
    assertEquals(3, json.get("folds").asInt());
    assertEquals(3, json.at("/product/fold_document_f1").size());
    JsonNode plain = new ObjectMapper().readTree(run(ExitCodes.OK, "evaluate", "--extraction",
        "--data", SharedData.dir().toString(), "--home", home.toString(),
        "--corpus", SharedData.path("text/GSCplus_dev_gold.tsv").toString(), "--json"));
    assertEquals(plain.get("document"), json.at("/product/document"), "pooled held-out product = the plain figure");
    assertTrue(json.at("/learned_wording/phrases_per_fold/0").asInt() > 20);
    double learned = json.at("/learned_wording/document/f1").asDouble();
    assertTrue(learned > 0.5 && learned <= 1, json.toString());
  }

  @Test
  void evaluateExtractionRejectsMixedModesAndMissingCorpus() {
    run(ExitCodes.INVALID_INPUT, "evaluate", "--extraction", "--cases", "x", "--data", SharedData.dir().toString(),
        "--home", home.toString(), "--corpus", "x.tsv");
    run(ExitCodes.INVALID_INPUT, "evaluate", "--extraction", "--data", SharedData.dir().toString(),
        "--home", home.toString());
    run(ExitCodes.INVALID_INPUT, "extract-eval", "--corpus", "x.tsv");
  }

  @Test
  void unknownLanguageExitsWithInvalidInput() {
    run(ExitCodes.INVALID_INPUT, "extract", "--data", SharedData.dir().toString(), "--home", home.toString(),
        "--lang", "fr");
  }
}
