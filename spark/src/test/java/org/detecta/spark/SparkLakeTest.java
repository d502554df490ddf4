package org.detecta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.detecta.SharedData;
import org.detecta.config.DetectaPaths;
import org.detecta.spark.lake.SparkLakeIngestor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lake ingest} on a small slice of the real data: raw manifest, Iceberg clean tables, no-op re-ingest,
 * a changed file makes new raw and table snapshots, a non-lake directory is refused.
 */
class SparkLakeTest {
  @TempDir
  static Path dir;
  static Path data;
  static SparkSession spark;

  @BeforeAll
  static void slice() throws Exception {
    data = dir.resolve("data");
    Path ddx = Files.createDirectories(data.resolve("ddxplus"));
    for (String f : List.of("release_evidences.json", "release_conditions.json")) {
      Files.copy(SharedData.path("ddxplus/" + f), ddx.resolve(f));
    }
    List<String> lines = Files.readAllLines(SharedData.path("ddxplus/patients.csv"));
    Files.write(ddx.resolve("patients.csv"), lines.subList(0, 41));
    Path kaggle = Files.createDirectories(data.resolve("kaggle-disease-symptom"));
    Files.copy(SharedData.path("kaggle-disease-symptom/Training.csv"), kaggle.resolve("Training.csv"));
    Path cohort = Files.createDirectories(data.resolve("phenopackets/AAGAB"));
    try (Stream<Path> files = Files.list(SharedData.path("phenopackets/AAGAB"))) {
      for (Path f : files.limit(3).toList()) {
        Files.copy(f, cohort.resolve(f.getFileName()));
      }
    }
    spark = SparkSessions.withLake("local[2]", "detecta-lake-test", dir.resolve("lake").toString());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @SuppressWarnings("unchecked")
  @Test
  void ingestIsAtomicPerTableIdempotentAndSnapshotsChanges() throws Exception {
    DetectaPaths paths = new DetectaPaths(data, dir.resolve("home"));
    String lake = dir.resolve("lake").toString();
    Map<String, Object> first = new SparkLakeIngestor().ingest(paths, lake, "local[2]");
    assertEquals("raw-000001", first.get("rawSnapshot"));
    Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) first.get("clean");
    assertEquals(40L, tables.get("lake.clean.ddxplus_patients").get("rows"));
    assertEquals(304L, tables.get("lake.clean.kaggle_rows").get("rows"), "4,920 Kaggle rows hold 304 distinct ones");
    assertEquals(3L, tables.get("lake.clean.rare_cases").get("rows"));
    assertEquals(40, spark.read().format("iceberg").load(lake + "/clean/ddxplus_patients").count());
    assertTrue(Files.readString(Path.of(lake, "raw/snapshots/snapshot-000001.json")).contains("\"sha256\""));

    Map<String, Object> again = new SparkLakeIngestor().ingest(paths, lake, "local[2]");
    assertEquals(false, again.get("rawChanged"));
    assertEquals("unchanged (no-op)", again.get("clean"));

    Files.write(data.resolve("ddxplus/patients.csv"),
        Files.readAllLines(SharedData.path("ddxplus/patients.csv")).subList(0, 31));
    Map<String, Object> changed = new SparkLakeIngestor().ingest(paths, lake, "local[2]");
    assertEquals("raw-000002", changed.get("rawSnapshot"));
    Map<String, Map<String, Object>> after = (Map<String, Map<String, Object>>) changed.get("clean");
    assertEquals(30L, after.get("lake.clean.ddxplus_patients").get("rows"));
    assertNotEquals(tables.get("lake.clean.ddxplus_patients").get("snapshotId"),
        after.get("lake.clean.ddxplus_patients").get("snapshotId"));
    assertEquals(30, spark.read().format("iceberg").load(lake + "/clean/ddxplus_patients").count());
    try (Stream<Path> objects = Files.list(Path.of(lake, "raw/objects"))) {
      assertTrue(objects.count() >= 8, "old and new patients.csv both kept");
    }
  }

  @Test
  void aDirectoryThatIsNotALakeIsRefused() throws Exception {
    Path other = Files.createDirectories(dir.resolve("not-a-lake"));
    Files.writeString(other.resolve("notes.txt"), "mine");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparkLakeIngestor()
        .ingest(new DetectaPaths(data, dir.resolve("home")), other.toString(), "local[2]"));
    assertTrue(e.getMessage().contains("not a Detecta lake"), e.getMessage());
  }
}
