package org.detecta.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry contract, run against every database the registry supports (H2 in {@code H2RegistryTest},
 * PostgreSQL in {@code PostgresRegistryIT}). Each test gets a fresh, empty database.
 */
abstract class RegistryContract {
  private static final ChampionPolicy POLICY = ChampionPolicy.defaultPolicy();
  @TempDir
  Path home;
  ModelRegistry registry;

  /** A fresh, empty database (not yet migrated). */
  abstract DatabaseConfig newDatabase(Path home) throws Exception;

  @BeforeEach
  void openRegistry() throws Exception {
    registry = new ModelRegistry(Database.open(newDatabase(home)), new ArtifactStore(home.resolve("artifacts")));
  }

  private ModelRegistry.Registration register(String name, double top1) {
    return registry.registerAndPromote(TrainedModels.of(name, top1), null, "abc123", "test", Map.of("seed", "7"), POLICY);
  }

  @Test
  void firstVersionBecomesChampionAndIsFoundByEveryReferenceForm() {
    ModelRegistry.Registration r = register("kaggle", 0.8);
    assertEquals(1, r.version().version());
    assertEquals(ModelRef.CHAMPION, r.decision().alias());
    for (String ref : List.of("kaggle", "kaggle@champion", "kaggle:1")) {
      assertEquals(1, registry.require(ModelRef.parse(ref)).version(), ref);
    }
    assertEquals(Map.of("seed", "7"), registry.require(ModelRef.parse("kaggle:1")).tags());
    assertEquals(List.of("champion"), registry.require(ModelRef.parse("kaggle:1")).aliases());
  }

  @Test
  void worseVersionBecomesChallengerAndBetterOneTakesChampionWithAuditedReason() {
    register("kaggle", 0.8);
    ModelRegistry.Registration worse = register("kaggle", 0.7);
    assertEquals(ChampionPolicy.CHALLENGER, worse.decision().alias());
    assertEquals(1, registry.require(ModelRef.parse("kaggle")).version());
    ModelRegistry.Registration better = register("kaggle", 0.9);
    assertEquals(ModelRef.CHAMPION, better.decision().alias());
    assertEquals(3, registry.require(ModelRef.parse("kaggle@champion")).version());
    AuditEntry move = registry.audit(100).stream()
        .filter(e -> e.action().equals("alias") && e.target().equals("kaggle@champion")).findFirst().orElseThrow();
    assertTrue(move.detail().startsWith("moved from kaggle:1 to kaggle:3: validation top1 0.9100 >= 0.8100 of kaggle:1"),
        move.detail());
  }

  @Test
  void everyOperationIsAudited() {
    register("kaggle", 0.8);
    register("kaggle", 0.7);
    registry.setAlias("kaggle", 2, "shadow", "alice", "shadow traffic test");
    registry.setAlias("kaggle", 1, "shadow", "alice", "back");
    registry.setAlias("kaggle", 1, ChampionPolicy.CHALLENGER, "bob");
    registry.delete("kaggle", 2, "bob");
    String runId = registry.runs().start(new RunStore.Start(List.of("kaggle"), 1, "/data", "abc", "carol"));
    registry.runs().finish(runId, TrainingRun.SUCCEEDED, "carol");
    List<String> actions = registry.audit(100).stream().map(e -> e.action() + " " + e.target()).toList();
    assertEquals(List.of("run-finish run " + runId, "run-start run " + runId, "delete kaggle:2",
        "alias kaggle@challenger", "alias kaggle@shadow", "alias kaggle@shadow", "alias kaggle@challenger", "register kaggle:2",
        "alias kaggle@champion", "register kaggle:1"), actions);
    AuditEntry back = registry.audit(100).get(4);
    assertEquals("alice", back.actor());
    assertEquals("moved from kaggle:2 to kaggle:1: back", back.detail());
  }

  @Test
  void unknownModelVersionOrAliasNamesWhatExists() {
    register("kaggle", 0.8);
    register("kaggle", 0.7);
    NotFoundException version = assertThrows(NotFoundException.class,
        () -> registry.require(ModelRef.parse("kaggle:9")));
    assertEquals("No model version kaggle:9 in the registry; available: kaggle:2 @challenger, kaggle:1 @champion",
        version.getMessage());
    NotFoundException alias = assertThrows(NotFoundException.class,
        () -> registry.require(ModelRef.parse("kaggle@staging")));
    assertTrue(alias.getMessage().startsWith("No model version kaggle@staging in the registry; available: kaggle:2"),
        alias.getMessage());
    NotFoundException model = assertThrows(NotFoundException.class, () -> registry.require(ModelRef.parse("ddxplus")));
    assertEquals("No model version ddxplus@champion in the registry; no versions of 'ddxplus' exist (models in the"
        + " registry: kaggle; run ./detecta train --model ddxplus)", model.getMessage());
    assertThrows(IllegalArgumentException.class, () -> registry.setAlias("kaggle", 5, "champion", "x"));
  }

  @Test
  void deleteRefusesAnAliasedVersionAndKeepsTheAuditOfADeletedOne() {
    register("kaggle", 0.8);
    register("kaggle", 0.7);
    ConflictException refused = assertThrows(ConflictException.class, () -> registry.delete("kaggle", 1, "bob"));
    assertTrue(refused.getMessage().startsWith("Refusing to delete kaggle:1: it is @champion"), refused.getMessage());
    registry.setAlias("kaggle", 1, ChampionPolicy.CHALLENGER, "bob");
    registry.delete("kaggle", 2, "bob");
    assertEquals(List.of(1), registry.list().stream().map(ModelVersion::version).toList());
    assertTrue(registry.audit(100).stream().anyMatch(e -> e.target().equals("kaggle:2") && e.action().equals("register")));
    assertEquals(3, register("kaggle", 0.6).version().version() + 1, "the next version number after deleting 2");
  }

  @Test
  void corruptedArtifactIsRefusedNeverLoaded() throws Exception {
    ModelVersion v = register("kaggle", 0.8).version();
    assertArrayEquals(TrainedModels.of("kaggle", 0.8).artifact(), registry.artifact(v));
    Path blob = registry.artifacts().pathOf(v.artifactSha256());
    byte[] bytes = Files.readAllBytes(blob);
    bytes[3] ^= 0x01;
    Files.write(blob, bytes);
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> registry.artifact(v));
    assertTrue(e.getMessage().contains("is corrupted: its sha256 is "), e.getMessage());
  }

  @Test
  void concurrentRegistrationsGetDistinctVersionsAndExactlyOneChampion() throws Exception {
    int threads = 2;
    int each = 8;
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<Integer> versions = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] = new Thread(() -> {
        try {
          go.await();
          for (int i = 0; i < each; i++) {
            versions.add(register("kaggle", 0.5 + 0.01 * (id * each + i)).version().version());
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      workers[t].start();
    }
    go.countDown();
    for (Thread w : workers) {
      w.join();
    }
    assertEquals(List.of(), List.copyOf(failures));
    assertEquals(threads * each, versions.size());
    assertEquals(threads * each, versions.stream().distinct().count());
    assertEquals(1, registry.list().stream().filter(v -> v.aliases().contains(ModelRef.CHAMPION)).count());
  }

  @Test
  void runRecordsParametersRoundsLogAndStatus() {
    RunStore runs = registry.runs();
    String id = runs.start(new RunStore.Start(List.of("kaggle", "ddxplus"), 42, "/data", "abc123", "test"));
    assertEquals(TrainingRun.RUNNING, runs.require(id).status());
    runs.log(id, "train kaggle ...");
    runs.round(id, "kaggle", false, 1.5, new ObjectMapper().createObjectNode().put("top1", 0.2));
    runs.round(id, "kaggle", true, 2.5, new ObjectMapper().createObjectNode().put("top1", 0.4));
    runs.log(id, "done");
    ModelVersion v = registry.registerAndPromote(TrainedModels.of("kaggle", 0.4), id, "abc123", "test", Map.of(), POLICY)
        .version();
    runs.finish(id, TrainingRun.SUCCEEDED, "test");
    TrainingRun run = runs.require(id);
    assertEquals(TrainingRun.SUCCEEDED, run.displayStatus());
    assertEquals(List.of("kaggle", "ddxplus"), run.models());
    assertEquals(42, run.seed());
    assertEquals(List.of("train kaggle ...", "done"), run.log());
    assertEquals(List.of(false, true), run.rounds().stream().map(TrainingRun.Round::gatePassed).toList());
    assertEquals(0.4, run.rounds().get(1).detail().path("top1").asDouble());
    assertTrue(run.finishedAt().isPresent());
    assertEquals(id, v.runId());
    assertThrows(NotFoundException.class, () -> runs.require("no-such-run"));
    assertThrows(IllegalArgumentException.class, () -> runs.finish(id, "done", "test"));
  }

  @Test
  void modelCardNamesDataMetricsGateAndCode() {
    String id = registry.runs().start(new RunStore.Start(List.of("kaggle"), 42, "/data", "abc123", "test"));
    registry.registerAndPromote(TrainedModels.of("kaggle", 0.8), id, "abc123", "test", Map.of(), POLICY);
    String card = registry.card(ModelRef.parse("kaggle@champion"));
    assertTrue(card.startsWith("# Model card: kaggle:1 (@champion)\n"), card);
    assertTrue(card.contains("| cases/train.tsv | " + "a".repeat(64) + " | 1234 | 2025-10-01 |"), card);
    assertTrue(card.contains("| test | top1 | 0.8000 |"), card);
    assertTrue(card.contains("- Code version: abc123"), card);
    assertTrue(card.contains("seed 42, status running"), card);
    assertTrue(card.contains("## Intended use") && card.contains("## Limitations") && card.contains("Passed."), card);
  }

  @Test
  void compareShowsMetricsAndWhatDiffers() {
    register("kaggle", 0.8);
    registry.registerAndPromote(TrainedModels.of("kaggle", 0.7, "b".repeat(64), "other"), null, "def", "t", Map.of(), POLICY);
    VersionComparison cmp = VersionComparison.of(registry.require(ModelRef.parse("kaggle:1")),
        registry.require(ModelRef.parse("kaggle:2")));
    assertEquals(new VersionComparison.MetricRow("test/top1", 0.8, 0.7), cmp.metrics().get(0));
    assertEquals(List.of(new VersionComparison.Difference("payload", "0.8", "other")), cmp.parameters());
    assertEquals(1, cmp.data().size());
    assertEquals(Optional.of("cases/train.tsv"), cmp.data().stream().map(VersionComparison.Difference::key).findFirst());
  }

  @Test
  void gcDeletesOnlyOldUnreferencedBlobsAndAuditsIt() throws Exception {
    ModelVersion v = register("kaggle", 0.8).version();
    String old = registry.artifacts().put("orphan from a killed training".getBytes());
    String young = registry.artifacts().put("orphan being registered right now".getBytes());
    java.nio.file.attribute.FileTime twoHoursAgo = java.nio.file.attribute.FileTime.from(
        java.time.Instant.now().minus(java.time.Duration.ofHours(2)));
    Files.setLastModifiedTime(registry.artifacts().pathOf(old), twoHoursAgo);
    Files.setLastModifiedTime(registry.artifacts().pathOf(v.artifactSha256()), twoHoursAgo);
    java.time.Duration hour = java.time.Duration.ofHours(1);
    assertEquals(List.of(old), registry.collectGarbage(hour, true, "t"));
    assertTrue(registry.artifacts().contains(old), "a dry run deletes nothing");
    assertEquals(List.of(old), registry.collectGarbage(hour, false, "t"));
    assertTrue(!registry.artifacts().contains(old) && registry.artifacts().contains(young));
    registry.artifact(v);
    assertEquals("gc", registry.audit(1).get(0).action());
  }

  /** Migrations V10 + V11 (prediction log, JSON kept in the row) on this database: write, window, feedback, erase. */
  @Test
  void predictionLogRoundTripsThroughTheMigratedTables() throws Exception {
    java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
    List<String> many = java.util.stream.IntStream.range(0, 400).mapToObj(i -> String.format("HP:%07d", i)).toList();
    try (org.detecta.monitor.PredictionLog log = new org.detecta.monitor.PredictionLog(registry.database().config())) {
      for (int i = 0; i < 3; i++) {
        assertTrue(log.record(new org.detecta.monitor.LoggedPrediction("00000000-0000-4000-8000-00000000000" + i,
            t0.plusSeconds(i), "kaggle", 1, i == 2 ? many : List.of("itching", "skin_rash"), List.of("fever"),
            List.of(new org.detecta.monitor.LoggedPrediction.Ranked("Fungal infection", 0.9 - i / 10.0)), 1.5)));
      }
      log.flush(java.time.Duration.ofSeconds(10));
      List<org.detecta.monitor.LoggedPrediction> window = log.recent("kaggle", 1, 10);
      assertEquals(3, window.size());
      assertEquals(many, window.get(2).observed(), "a long findings list (> 4,000 characters of JSON) survives");
      assertEquals(List.of("fever"), window.get(0).excluded());
      assertEquals(0.9, window.get(0).output().get(0).probability(), 1e-12);
      assertEquals("00000000-0000-4000-8000-000000000000", log.first("kaggle", 1, 1).get(0).id());
      assertTrue(log.addFeedback("00000000-0000-4000-8000-000000000001", "Fungal infection"));
      assertFalse(log.addFeedback("00000000-0000-4000-8000-00000000000f", "Fungal infection"), "no such prediction");
      assertEquals(1, log.feedback("kaggle", 10).size());
      assertEquals("Fungal infection", log.feedback("kaggle", 10).get(0).confirmed());
      assertEquals(0, log.feedback("ddxplus", 10).size(), "feedback is read per model");
      assertTrue(log.delete("00000000-0000-4000-8000-000000000001"), "erasure removes the prediction and its feedback");
      assertEquals(0, log.feedback("kaggle", 10).size());
      assertEquals(2, log.deleteOlderThan(1), "retention removes the old predictions");
      assertEquals(0, log.recent("kaggle", 1, 10).size());
    }
  }
}
