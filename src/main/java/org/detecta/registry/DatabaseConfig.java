package org.detecta.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the registry database is. Default: an embedded H2 file database under {@code <home>/registry}.
 * With {@code DETECTA_DB_URL} (e.g. {@code jdbc:postgresql://db:5432/detecta}) it is that database, with
 * the user from {@code DETECTA_DB_USER} and the password from {@code DETECTA_DB_PASSWORD} or the file
 * named by {@code DETECTA_DB_PASSWORD_FILE} (a mounted secret). Credentials never live in the repository.
 */
public record DatabaseConfig(String url, String user, String password) {
  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** The directory of an embedded H2 file database ({@code jdbc:h2:file:DIR/name;...}); empty for other databases. */
  public java.util.Optional<Path> embeddedDirectory() {
    if (!url.startsWith("jdbc:h2:file:")) {
      return java.util.Optional.empty();
    }
    String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
    Path parent = Path.of(file).toAbsolutePath().getParent();
    return java.util.Optional.ofNullable(parent);
  }

  public static DatabaseConfig embedded(Path home) {
    // AUTO_SERVER lets the server and a training run share the file database safely; AUTO_RECONNECT, because the
    // process that hosts the shared file may exit first (RegistryCrashIT saw "Connection is broken").
    // WRITE_DELAY=0: H2 otherwise writes committed transactions to the file up to 500 ms later, so a killed process (SIGKILL, OOM killer)
    // loses registrations it already reported as done (RegistryCrashIT saw it under load). The prediction log
    // writes in batches, so storing on every commit costs one write per batch, not per request.
    Path file = home.toAbsolutePath().resolve("registry").resolve("detecta");
    return new DatabaseConfig("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0", "sa", "");
  }

  public static DatabaseConfig resolve(Path home, Map<String, String> env) {
    String url = env.get("DETECTA_DB_URL");
    if (url == null || url.isBlank()) {
      return embedded(home);
    }
    String password = env.get("DETECTA_DB_PASSWORD");
    String passwordFile = env.get("DETECTA_DB_PASSWORD_FILE");
    if ((password == null || password.isEmpty()) && passwordFile != null && !passwordFile.isBlank()) {
      try {
        password = Files.readString(Path.of(passwordFile)).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read DETECTA_DB_PASSWORD_FILE " + passwordFile, e);
      }
    }
    return new DatabaseConfig(url.trim(), env.get("DETECTA_DB_USER"), password);
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL without credentials, safe to log. */
  public String describe() {
    int semicolon = url.indexOf(';');
    int question = url.indexOf('?');
    int cut = semicolon < 0 ? question : (question < 0 ? semicolon : Math.min(semicolon, question));
    return cut < 0 ? url : url.substring(0, cut);
  }
}
