package org.detecta.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content-addressed artifact storage under {@code <home>/artifacts}: a blob is named by the sha256 of
 * its bytes, written to a temporary file in the same directory, forced to disk, and renamed only when
 * complete, so a crash or a full disk never leaves a file under a real name. Reads verify the hash.
 */
public final class ArtifactStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private final Path root;

  public ArtifactStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Stores the bytes (idempotent for identical content) and returns their sha256. */
  public String put(byte[] bytes) throws IOException {
    String sha = sha256(bytes);
    Path target = pathOf(sha);
    if (Files.isRegularFile(target) && sha.equals(sha256(Files.readAllBytes(target)))) {
      return sha;
    }
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
           OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        out.write(bytes);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return sha;
  }

  /** The bytes stored under {@code sha}, refused if they no longer hash to it. */
  public byte[] get(String sha) throws IOException {
    Path path = pathOf(sha);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CorruptArtifactException("Artifact " + sha + " is missing from " + root
          + "; restore it from a backup or retrain the model");
    }
    String actual = sha256(bytes);
    if (!actual.equals(sha)) {
      throw new CorruptArtifactException("Artifact " + path + " is corrupted: its sha256 is " + actual
          + " but the registry recorded " + sha + "; it was not loaded. Restore it from a backup or retrain");
    }
    return bytes;
  }

  /** The sha256 of every stored blob with its last-modified time. */
  public java.util.Map<String, java.time.Instant> list() throws IOException {
    java.util.Map<String, java.time.Instant> blobs = new java.util.TreeMap<>();
    Path dir = root.resolve("sha256");
    if (!Files.isDirectory(dir)) {
      return blobs;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (SHA256.matcher(name).matches()) {
          blobs.put(name, Files.getLastModifiedTime(p).toInstant());
        }
      }
    }
    return blobs;
  }

  /** Removes a blob; the registry calls this only for blobs no version references. */
  void delete(String sha) throws IOException {
    Files.deleteIfExists(pathOf(sha));
  }

  public boolean contains(String sha) {
    return Files.isRegularFile(pathOf(sha));
  }

  public Path pathOf(String sha) {
    if (!SHA256.matcher(sha).matches()) {
      throw new IllegalArgumentException("not a sha256: " + sha);
    }
    return root.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
