package org.detecta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detecta.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: train rare-phenotype into a temporary home, then evaluate it on a small cases TSV. */
class RareCommandsIT {
  @TempDir
  Path home;

  @Test
  void trainThenEvaluatePrintsOneJsonLineWithTheContractKeys() throws Exception {
    String data = SharedData.dir().toString();
    assertEquals(0, Main.run("train", "--model", "rare-phenotype", "--home", home.toString(), "--data", data));
    {
      var registry = new org.detecta.registry.ModelRegistry(org.detecta.registry.Database.open(
          org.detecta.registry.DatabaseConfig.embedded(home)), new org.detecta.registry.ArtifactStore(home.resolve("artifacts")));
      JsonNode metadata = registry.require(org.detecta.registry.ModelRef.parse("rare-phenotype:1")).metadata();
      var reference = org.detecta.monitor.DriftReference.fromMetadata(metadata).orElseThrow();
      assertEquals("training", reference.source());
      org.junit.jupiter.api.Assertions.assertTrue(reference.findings().keySet().stream().allMatch(k -> k.matches("[+-]HP:\\d{7}")));
    }
    Path tsv = home.resolve("cases.tsv");
    Files.writeString(tsv, "case_id\tdisease_ids\tobserved_hpo\texcluded_hpo\n"
        + "x1\tOMIM:154700\tHP:0001166,HP:0001083,HP:0002616\t\n"
        + "x2\tOMIM:154700|ORPHA:558\tHP:0001166,HP:0004382\tHP:0001250\n"
        + "x3\tOMIM:000000\tHP:0001250,HP:9999999\t\n");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, "UTF-8"));
      exit = Main.run("evaluate", "--cases", tsv.toString(), "--json", "--home", home.toString(), "--data", data);
    } finally {
      System.setOut(original);
    }
    assertEquals(0, exit);
    String[] lines = captured.toString("UTF-8").strip().split("\n");
    assertEquals(1, lines.length, captured.toString("UTF-8"));
    JsonNode json = new ObjectMapper().readTree(lines[0]);
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("model", "version", "cases", "top1", "top3", "top10", "mrr", "notInModel", "seconds"), keys);
    assertEquals("rare-phenotype", json.get("model").asText());
    assertEquals(3, json.get("cases").asInt());
    assertEquals(1, json.get("notInModel").asInt());
  }
}
