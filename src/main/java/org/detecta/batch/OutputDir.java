package org.detecta.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The batch output directory, committed atomically: parts are written into a hidden sibling
 * ({@code .NAME.tmp-UUID}) that is renamed to {@code NAME} only when every part is complete (then
 * {@code _SUCCESS} is in it). An interrupted run leaves no {@code NAME}; its temporary directory is removed on
 * failure or JVM shutdown. An existing non-empty {@code NAME} is refused rather than overwritten.
 */
public final class OutputDir implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final Thread cleanup;
  private boolean committed;

  private OutputDir(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
    this.cleanup = new Thread(() -> deleteQuietly(temp), "batch-output-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Checks the target and creates the temporary directory next to it. */
  public static OutputDir create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    requireAbsentOrEmpty(absolute);
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path temp = parent.resolve("." + absolute.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.createDirectory(temp);
    return new OutputDir(absolute, temp);
  }

  /** Fails when {@code target} exists and is a file or a non-empty directory. */
  public static void requireAbsentOrEmpty(Path target) throws IOException {
    if (Files.isRegularFile(target)) {
      throw new IllegalArgumentException("--out " + target + " is a file; give a directory that does not exist yet");
    }
    if (Files.isDirectory(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--out " + target + " already exists and is not empty; "
              + "batch output is never overwritten: choose a new directory");
        }
      }
    }
  }

  /** Where the parts go until {@link #commit}. */
  public Path temp() {
    return temp;
  }

  public Path target() {
    return target;
  }

  /** Marks the output complete and renames it into place in one step. */
  public void commit() throws IOException {
    Files.writeString(temp.resolve("_SUCCESS"), "");
    if (Files.isDirectory(target)) {
      Files.delete(target); // empty (checked at create); the rename needs the name free
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + temp + " to " + target + " atomically: " + e.getMessage(), e);
    }
    committed = true;
  }

  @Override
  public void close() {
    if (!committed) {
      deleteQuietly(temp);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run; nothing to do
    }
  }

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover hidden temp directory is never mistaken for output
    }
  }
}
