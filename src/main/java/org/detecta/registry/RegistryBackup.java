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
 * misses one. PostgreSQL has no {@code SCRIPT}: there the registry tables go into the zip as JSON, read in one
 * repeatable-read transaction ({@link TableExport}). Restore goes into an empty registry only (H2 from the SQL
 * snapshot, PostgreSQL from the JSON) and checks each blob's sha256 on the way in.
 */
public final class RegistryBackup {
  static final String DATABASE_ENTRY = "registry.sql";
  static final String TABLES_ENTRY = "registry.json";
  static final String ARTIFACT_PREFIX = "artifacts/";

  private RegistryBackup() {
  }

  /** What a backup or restore moved. */
  public record Summary(Path file, int artifacts, long bytes) {
  }

  /** Writes the backup to {@code out} (through a temporary file renamed when complete). */
  public static Summary backup(DatabaseConfig config, ArtifactStore store, Path out) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path snapshot = Files.createTempFile("detecta-registry", ".snapshot");
    Path temp = Files.createTempFile(dir, ".backup-", ".tmp");
    try {
      try (Connection c = connect(config); Statement s = c.createStatement()) {
        if (config.isPostgres()) {
          Files.writeString(snapshot, TableExport.export(c).toString());
        } else {
          s.execute("SCRIPT TO '" + snapshot.toString().replace("'", "''") + "'");
        }
      } catch (SQLException e) {
        throw new StorageUnavailableException("Cannot snapshot the registry database " + config.describe() + ": "
            + e.getMessage(), e);
      }
      int count = 0;
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
        zip.putNextEntry(new ZipEntry(config.isPostgres() ? TABLES_ENTRY : DATABASE_ENTRY));
        Files.copy(snapshot, zip);
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
      Files.deleteIfExists(snapshot);
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Restores {@code from} into an empty registry and an empty artifact store. H2 snapshots restore into H2 (the
   * schema comes with them; migrate afterwards); JSON snapshots into any database, which is migrated first.
   */
  public static Summary restore(Path from, DatabaseConfig config, ArtifactStore store) throws IOException {
    if (!Files.isRegularFile(from)) {
      throw new IllegalArgumentException("No backup file " + from);
    }
    if (!blobs(store).isEmpty()) {
      throw new ConflictException("Refusing to restore into " + store.root()
          + ": it already holds artifacts; restore into an empty home (--home DIR)");
    }
    String kind = snapshotKind(from);
    if (kind.equals(DATABASE_ENTRY) && config.isPostgres()) {
      throw new IllegalArgumentException(from + " holds an H2 snapshot; it restores into the embedded H2 registry, not "
          + config.describe());
    }
    if (kind.equals(TABLES_ENTRY)) {
      Database.open(config); // the schema the JSON rows go into
    }
    Path snapshot = Files.createTempFile("detecta-restore", ".snapshot");
    int count = 0;
    try (Connection c = connect(config)) {
      if (kind.equals(DATABASE_ENTRY) ? hasTables(c) : !TableExport.isEmpty(c)) {
        throw new ConflictException("Refusing to restore into " + config.describe()
            + ": the registry database is not empty; restore into an empty home (--home DIR)");
      }
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(from))) {
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
          if (entry.getName().equals(kind)) {
            Files.copy(zip, snapshot, StandardCopyOption.REPLACE_EXISTING);
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
      if (kind.equals(DATABASE_ENTRY)) {
        try (Statement s = c.createStatement()) {
          s.execute("RUNSCRIPT FROM '" + snapshot.toString().replace("'", "''") + "'");
        }
      } else {
        TableExport.importInto(c, new com.fasterxml.jackson.databind.ObjectMapper().readTree(snapshot.toFile()));
      }
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot restore into " + config.describe() + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(snapshot);
    }
    return new Summary(from, count, Files.size(from));
  }

  /** Which database snapshot the zip holds. */
  private static String snapshotKind(Path from) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(from))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals(DATABASE_ENTRY) || entry.getName().equals(TABLES_ENTRY)) {
          return entry.getName();
        }
      }
    }
    throw new IllegalArgumentException(from + " is not a Detecta backup: it has no " + DATABASE_ENTRY + " or "
        + TABLES_ENTRY);
  }

  private static Connection connect(DatabaseConfig config) throws IOException {
    try {
      return DriverManager.getConnection(config.url(), config.user(), config.password());
    } catch (SQLException e) {
      throw new StorageUnavailableException("Cannot connect to the registry database " + config.describe() + ": "
          + e.getMessage(), e);
    }
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
}
