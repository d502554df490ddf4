package org.detecta.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backup of an H2 home and restore into an empty one. */
class RegistryBackupTest {
  @TempDir
  Path dir;

  private static ModelRegistry open(Path home) {
    return TestRegistries.embedded(home);
  }

  @Test
  void roundTripRestoresVersionsAliasesRunsAuditAndArtifacts() throws Exception {
    Path source = dir.resolve("source");
    ModelRegistry registry = open(source);
    String run = registry.runs().start(new RunStore.Start(List.of("kaggle"), 3, "/data", "abc", "t"));
    registry.runs().log(run, "hello");
    registry.registerAndPromote(TrainedModels.of("kaggle", 0.8), run, "abc", "t", Map.of("k", "v"),
        ChampionPolicy.defaultPolicy());
    registry.registerAndPromote(TrainedModels.of("kaggle", 0.7), run, "abc", "t", Map.of(), ChampionPolicy.defaultPolicy());
    Path zip = dir.resolve("out").resolve("backup.zip");
    RegistryBackup.Summary written = RegistryBackup.backup(registry.database().config(), registry.artifacts(), zip);
    assertEquals(2, written.artifacts());

    Path target = dir.resolve("target");
    RegistryBackup.restore(zip, DatabaseConfig.embedded(target), new ArtifactStore(target.resolve("artifacts")));
    ModelRegistry restored = open(target);
    assertEquals(registry.list(), restored.list());
    assertEquals(registry.audit(100), restored.audit(100));
    assertEquals(List.of("hello"), restored.runs().require(run).log());
    ModelVersion champion = restored.require(ModelRef.parse("kaggle"));
    assertArrayEquals(TrainedModels.of("kaggle", 0.8).artifact(), restored.artifact(champion));
    assertEquals(3, restored.registerAndPromote(TrainedModels.of("kaggle", 0.9), null, "abc", "t", Map.of(),
        ChampionPolicy.defaultPolicy()).version().version(), "the restored registry keeps working");
  }

  @Test
  void restoreRefusesAHomeThatAlreadyHasARegistry() throws Exception {
    Path home = dir.resolve("home");
    ModelRegistry registry = open(home);
    registry.register(TrainedModels.of("kaggle", 0.8), null, "abc", "t");
    Path zip = dir.resolve("backup.zip");
    RegistryBackup.backup(registry.database().config(), registry.artifacts(), zip);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegistryBackup.restore(zip, DatabaseConfig.embedded(home), registry.artifacts()));
    assertTrue(e.getMessage().startsWith("Refusing to restore into "), e.getMessage());
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("not-a-backup.zip"), "nope");
    IllegalArgumentException notBackup = assertThrows(IllegalArgumentException.class,
        () -> RegistryBackup.restore(other.resolve("not-a-backup.zip"), DatabaseConfig.embedded(other),
            new ArtifactStore(other.resolve("artifacts"))));
    assertTrue(notBackup.getMessage().endsWith("not-a-backup.zip is not a Detecta backup: it has no registry.sql or registry.json"),
        notBackup.getMessage());
  }
}
