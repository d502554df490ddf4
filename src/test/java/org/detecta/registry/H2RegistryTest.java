package org.detecta.registry;

import java.nio.file.Path;

/** The registry contract on the embedded H2 file database (the default). */
class H2RegistryTest extends RegistryContract {
  @Override
  DatabaseConfig newDatabase(Path home) {
    return DatabaseConfig.embedded(home);
  }
}
