package org.detecta.cli;

import org.detecta.Detecta;
import org.detecta.config.DetectaPaths;
import org.detecta.pipeline.SeededFakeFamily;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.detecta.registry.TrainingRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train} over a deterministic fake family: reproducibility, run records, gate failures. */
class TrainCommandTest {
  @TempDir
  Path dir;
  Detecta detecta;
  ModelRegistry registry;

  @BeforeEach
  void setUp() throws Exception {
    SeededFakeFamily.writeFixture(dir.resolve("data"));
    detecta = new Detecta(new DetectaPaths(dir.resolve("data"), dir.resolve("home")));
    registry = detecta.registry();
  }

  private int train(SeededFakeFamily family, long seed) throws Exception {
    TrainCommand command = new TrainCommand();
    command.seed = seed;
    return command.train(registry, List.of(family), detecta, "test");
  }

  @Test
  void sameDataSeedAndCodeGiveTheSameMetricsAndArtifact() throws Exception {
    SeededFakeFamily family = new SeededFakeFamily("fake", 0.3);
    assertEquals(ExitCodes.OK, train(family, 7));
    assertEquals(ExitCodes.OK, train(family, 7));
    ModelVersion first = registry.require(ModelRef.parse("fake:1"));
    ModelVersion second = registry.require(ModelRef.parse("fake:2"));
    assertEquals(first.metadata().path("metrics"), second.metadata().path("metrics"));
    assertTrue(first.metric("test", "top1") > 0.3, "the fixture is learnable: " + first.metadata());
    assertEquals(first.artifactSha256(), second.artifactSha256());
    assertEquals(List.of("champion"), second.aliases(), "equal metrics on the same data: the newer one is champion");
  }

  @Test
  void aRunRecordsItsParametersRoundLogAndLinksItsVersion() throws Exception {
    assertEquals(ExitCodes.OK, train(new SeededFakeFamily("fake", 0.3), 11));
    TrainingRun run = registry.runs().list().get(0);
    TrainingRun full = registry.runs().require(run.id());
    assertEquals(TrainingRun.SUCCEEDED, full.status());
    assertEquals(List.of("fake"), full.models());
    assertEquals(11, full.seed());
    assertEquals(dir.resolve("data").toString(), full.dataDir());
    assertEquals(1, full.rounds().size());
    assertTrue(full.rounds().get(0).gatePassed());
    assertTrue(full.log().contains("  fake: 3 centroids from 36 points"), full.log().toString());
    assertTrue(full.log().stream().anyMatch(l -> l.startsWith("  fake: registered fake:1 as @champion (first version")),
        full.log().toString());
    assertEquals(run.id(), registry.require(ModelRef.parse("fake")).runId());
  }

  @Test
  void aFailedGateRegistersNothingAndMarksTheRun() throws Exception {
    assertEquals(ExitCodes.GATE_NOT_MET, train(new SeededFakeFamily("fake", 1.01), 7));
    assertTrue(registry.list().isEmpty());
    TrainingRun run = registry.runs().require(registry.runs().list().get(0).id());
    assertEquals(TrainingRun.GATE_FAILED, run.status());
    assertFalse(run.rounds().get(0).gatePassed());
  }
}
