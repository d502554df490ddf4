package org.detecta.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry contract on a real PostgreSQL 15 server started from the Debian packages for this class
 * (one server, a fresh database per test).
 */
class PostgresRegistryIT extends RegistryContract {
  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  DatabaseConfig newDatabase(Path home) throws Exception {
    return server.newDatabase();
  }

  @Test
  void backupExportsTheTablesAndRestoresIntoAnEmptyDatabase() throws Exception {
    String run = registry.runs().start(new RunStore.Start(List.of("kaggle"), 3, "/data", "abc", "t"));
    registry.runs().log(run, "line one");
    registry.registerAndPromote(TrainedModels.of("kaggle", 0.8), run, "abc", "t", Map.of("k", "v"),
        ChampionPolicy.defaultPolicy());
    registry.runs().finish(run, TrainingRun.SUCCEEDED, "t");
    Path zip = home.resolve("backup.zip");
    assertEquals(1, RegistryBackup.backup(registry.database().config(), registry.artifacts(), zip).artifacts());

    DatabaseConfig empty = server.newDatabase();
    Path other = home.resolve("other");
    RegistryBackup.restore(zip, empty, new ArtifactStore(other.resolve("artifacts")));
    ModelRegistry restored = new ModelRegistry(Database.open(empty), new ArtifactStore(other.resolve("artifacts")));
    assertEquals(registry.list(), restored.list());
    assertEquals(registry.audit(100), restored.audit(100));
    assertEquals(registry.runs().require(run), restored.runs().require(run));
    restored.setAlias("kaggle", 1, "shadow", "t");
    assertEquals(registry.audit(100).get(0).id() + 1, restored.audit(1).get(0).id(), "the audit id sequence continues");
  }
}
