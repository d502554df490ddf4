package org.detecta.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.detecta.Detecta;
import org.detecta.batch.BatchFixtures;
import org.detecta.batch.BatchJob;
import org.detecta.batch.BatchSummary;
import org.detecta.batch.LocalBatchEngine;
import org.detecta.batch.ScoringArtifact;
import org.detecta.config.DetectaPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --engine spark} in local[2]: same rankings as the local engine, CSV and Parquet, bad input. */
class SparkBatchTest {
  @TempDir
  static Path dir;
  static DetectaPaths paths;
  static ScoringArtifact artifact;
  static SparkSession spark;

  @BeforeAll
  static void setUp() throws Exception {
    paths = BatchFixtures.registerDdxplus(dir.resolve("home"));
    artifact = ScoringArtifact.resolve(new Detecta(paths).registry(), "ddxplus");
    spark = SparkSessions.get("local[2]", "detecta-test");
  }

  @AfterAll
  static void tearDown() {
    spark.stop();
  }

  private static BatchJob job(String input, Path out, String format) {
    return new BatchJob(artifact, input, out.toString(), format, 5, 0.5, "local[2]", paths.data().toString(), 2);
  }

  /** patient_id → its ranked disease ids, from every part-*.csv of an output directory. */
  private static Map<String, List<String>> rankings(Path out) throws Exception {
    Map<String, TreeMap<Integer, String>> byPatient = new TreeMap<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        List<String> lines = Files.readAllLines(part);
        assertEquals("patient_id,rank,disease_id,disease_name,probability,kind,model,version,rare_flag", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = org.detecta.cases.CsvLine.split(line).toArray(String[]::new);
          byPatient.computeIfAbsent(cells[0], k -> new TreeMap<>()).put(Integer.parseInt(cells[1]), cells[2]);
        }
      }
    }
    return byPatient.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue().values())));
  }

  @Test
  void sparkAndLocalEnginesRankEveryPatientTheSame() throws Exception {
    String input = BatchFixtures.ddxplusPatients().toString();
    BatchSummary local = new LocalBatchEngine().run(job(input, dir.resolve("local"), "csv"));
    BatchSummary distributed = new SparkBatchEngine().run(job(input, dir.resolve("spark"), "csv"));
    assertEquals(1827, local.patients());
    assertEquals(local.patients(), distributed.patients());
    assertEquals(local.rows(), distributed.rows());
    assertTrue(distributed.partitions() >= 2, "scored in partitions: " + distributed.partitions());
    Map<String, List<String>> a = rankings(dir.resolve("local"));
    Map<String, List<String>> b = rankings(dir.resolve("spark"));
    assertEquals(1827, a.size());
    assertEquals(a, b);
    assertTrue(Files.exists(dir.resolve("spark/_SUCCESS")));
  }

  @Test
  void parquetOutputReadsBackAsATableAndCanBeScoredAgain() throws Exception {
    Path out = dir.resolve("parquet");
    new SparkBatchEngine().run(job(BatchFixtures.ddxplusPatients().toString(), out, "parquet"));
    assertEquals(1827L * 5, spark.read().parquet(out.toString()).count());
    // a Parquet table with the wrong columns is refused, naming them
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SparkBatchEngine().run(job(out.toString(), dir.resolve("again"), "csv")));
    assertTrue(e.getMessage().contains("observed"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("again")));
  }
}
