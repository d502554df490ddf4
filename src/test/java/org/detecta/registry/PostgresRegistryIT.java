package org.detecta.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

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
}
