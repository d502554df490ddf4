package org.detecta.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of a home's registry: one zip holding an SQL snapshot of the embedded H2 database
 * ({@code SCRIPT}, taken in one statement, so it is consistent) and every artifact blob. Blobs are immutable
 * and written before the version that references them commits, so copying them after the snapshot never
 * misses one. Restore goes into an empty home only and checks each blob's sha256 on the way in.
 * PostgreSQL deployments back up the database with {@code pg_dump} and the artifacts directory with it.
 */
public final class RegistryBackup {
  static final String DATABASE_ENTRY = "registry.sql";
  static final String ARTIFACT_PREFIX = "artifacts/";

  private RegistryBackup() {
  }

  /** What a backup or restore moved. */
  public record Summary(Path file, int artifacts, long bytes) {
  }

  /** Writes the backup to {@code out} (through a temporary file renamed when complete). */
  public static Summary backup(DatabaseConfig config, ArtifactStore store, Path out) throws IOException {
    requireH2(config, "backup");
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path script = Files.createTempFile("detecta-registry", ".sql");
    Path temp = Files.createTempFile(dir, ".backup-", ".tmp");
    try {
      try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
           Statement s = c.createStatement()) {
        s.execute("SCRIPT TO '" + script.toString().replace("'", "''") + "'");
      } catch (SQLException e) {
        throw new StorageUnavailableException("Cannot snapshot the registry database " + config.describe() + ": "
            + e.getMessage(), e);
      }
      int count = 0;
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
        zip.putNextEntry(new ZipEntry(DATABASE_ENTRY));
        Files.copy(script, zip);
        zip.closeEntry();
        for (Path blob : blobs(store)) {
          zip.putNextEntry(new ZipEntry(ARTIFACT_PREFIX + blob.getFileName()));
          Files.copy(blob, zip);
          zip.closeEntry();
          count++;
        }
      }
      Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Summary(out, count, Files.size(out));
    } finally {
      Files.deleteIfExists(script);
      Files.deleteIfExists(temp);
    }
  }

  /** Restores {@code from} into an empty registry (no tables yet) and an empty artifact store. */
  public static Summary restore(Path from, DatabaseConfig config, ArtifactStore store) throws IOException {
    requireH2(config, "restore");
    if (!Files.isRegularFile(from)) {
      throw new IllegalArgumentException("No backup file " + from);
    }
    if (!blobs(store).isEmpty()) {
      throw new ConflictException("Refusing to restore into " + store.root()
          + ": it already holds artifacts; restore into an empty home (--home DIR)");
    }
    Path script = Files.createTempFile("detecta-restore", ".sql");
    int count = 0;
    try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
      if (hasTables(c)) {
        throw new ConflictException("Refusing to restore into " + config.describe()
            + ": the registry database is not empty; restore into an empty home (--home DIR)");
      }
      boolean sawDatabase = false;
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(from))) {
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
          if (entry.getName().equals(DATABASE_ENTRY)) {
            Files.copy(zip, script, StandardCopyOption.REPLACE_EXISTING);
            sawDatabase = true;
          } else if (entry.getName().startsWith(ARTIFACT_PREFIX)) {
            String sha = entry.getName().substring(ARTIFACT_PREFIX.length());
            byte[] bytes = zip.readAllBytes();
            if (!ArtifactStore.sha256(bytes).equals(sha)) {
              throw new CorruptArtifactException("Backup " + from + " holds a corrupted artifact " + sha
                  + "; nothing of it should be trusted");
            }
            store.put(bytes);
            count++;
          }
        }
      }
      if (!sawDatabase) {
        throw new IllegalArgumentException(from + " is not a Detecta backup: it has no " + DATABASE_ENTRY);
      }
      try (Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "'");
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot restore into " + config.describe() + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(script);
    }
    return new Summary(from, count, Files.size(from));
  }

  private static boolean hasTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
         var rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  private static List<Path> blobs(ArtifactStore store) throws IOException {
    Path root = store.root().resolve("sha256");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return new ArrayList<>(files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).sorted().toList());
    }
  }

  private static void requireH2(DatabaseConfig config, String what) {
    if (config.isPostgres()) {
      throw new IllegalArgumentException("detecta " + what + " covers the embedded H2 registry; for PostgreSQL ("
          + config.describe() + ") use pg_dump/pg_restore for the database and copy the artifacts directory");
    }
  }
}
