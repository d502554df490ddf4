package org.detecta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.detecta.SharedData;
import org.detecta.config.DetectaPaths;
import org.detecta.diagnosis.Query;
import org.detecta.learn.CommonModel;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.detecta.spark.lake.SparkLakeIngestor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --engine spark}: MLlib logistic regression from the lake, exported, gated, with lake lineage. */
class SparkTrainTest {
  @TempDir
  static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    System.setProperty("detecta.spark.families", "logistic");
    spark = SparkSessions.withLake("local[2]", "detecta-train-test", dir.resolve("lake").toString());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("detecta.spark.families");
    spark.stop();
  }

  @SuppressWarnings("unchecked")
  @Test
  void trainsFromTheLakeAndRecordsTheSnapshotsItRead() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data/ddxplus"));
    for (String f : List.of("release_evidences.json", "release_conditions.json", "patients.csv")) {
      Files.copy(SharedData.path("ddxplus/" + f), data.resolve(f));
    }
    String lake = dir.resolve("lake").toString();
    DetectaPaths paths = new DetectaPaths(dir.resolve("data"), dir.resolve("home"));
    Map<String, Object> ingested = new SparkLakeIngestor().ingest(paths, lake, "local[2]");
    long clean = (Long) ((Map<String, Map<String, Object>>) ingested.get("clean")).get("lake.clean.ddxplus_patients").get("snapshotId");

    TrainedModel trained = new SparkDdxplusTrainer().train("ddxplus",
        new TrainingContext(paths.data(), 42, line -> { }, () -> null), lake, "local[2]", paths.home());
    Map<String, Object> lineage = (Map<String, Object>) trained.parameters().get("lakeSnapshots");
    assertEquals(clean, lineage.get("lake.clean.ddxplus_patients"));
    assertEquals("raw-000001", lineage.get("rawSnapshot"));
    assertEquals(clean, spark.read().format("iceberg").load(lake + "/features/ddxplus")
        .select("source_snapshot").first().getLong(0), "the features zone is tagged with the clean snapshot");
    assertTrue(trained.metrics().get("test").get("top1") > 0.9, "MLlib LR exported to plain numbers keeps its accuracy: "
        + trained.metrics());
    CommonModel restored = CommonModel.load(trained.artifact());
    assertEquals(49, restored.classes().size());
    assertEquals(10, restored.diagnose(Query.of(List.of("E_91", "E_53"), List.of()), 10).candidates().size());
  }
}
