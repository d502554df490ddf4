package org.detecta.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches the chosen files into a data directory: download (resumable), verify the format and read the release,
 * hash, move into place atomically, unpack archives, and record each file in {@link Manifest}. A failed file stops
 * the run with its URL named; files already moved into place stay valid and recorded.
 */
public final class DataFetcher {
  private final HttpDownloader downloader;
  private final PrintStream log;
  private final Clock clock;

  public DataFetcher(HttpDownloader downloader, PrintStream log, Clock clock) {
    this.downloader = downloader;
    this.log = log;
    this.clock = clock;
  }

  /** One file fetched: its path in the data directory and its manifest entry. */
  public record Fetched(String path, Manifest.Entry entry) {
  }

  public List<Fetched> fetch(Path dataDir, List<RemoteFile> files) throws IOException {
    return fetch(dataDir, files, false);
  }

  /**
   * As {@link #fetch(Path, List)}; existing files that {@code data fetch} did not write (absent from the manifest)
   * are replaced only when {@code replaceUnrecorded} is set, so a hand-made or shared data directory is never
   * overwritten by accident.
   */
  public List<Fetched> fetch(Path dataDir, List<RemoteFile> files, boolean replaceUnrecorded) throws IOException {
    requireWritable(dataDir);
    if (!replaceUnrecorded) {
      requireNoUnrecordedFiles(dataDir, files);
    }
    List<Fetched> fetched = new ArrayList<>();
    for (RemoteFile file : files) {
      Path target = dataDir.resolve(file.path());
      String label = file.path();
      log.printf("%s <- %s%n", label, file.url());
      HttpDownloader.Result result = downloader.download(file.url(), target, label);
      String release;
      try {
        release = ReleaseInfo.verify(file, result.part());
      } catch (IOException invalid) {
        Files.deleteIfExists(result.part());
        throw new DownloadException(file.url(), "the file downloaded from " + file.url() + " is not valid: "
            + invalid.getMessage() + "; it was discarded", invalid);
      }
      String sha256 = HttpDownloader.sha256(result.part());
      Files.move(result.part(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      if (!file.unpackTo().isEmpty()) {
        int count = ZipTree.replace(target, dataDir.resolve(file.unpackTo()));
        log.printf("%s: unpacked %d files into %s/%n", label, count, file.unpackTo());
      }
      Manifest.Entry entry = new Manifest.Entry(file.source(), file.url().toString(), result.size(), sha256,
          Instant.now(clock).toString(), release);
      Manifest manifest = Manifest.read(dataDir);
      manifest.put(file.path(), entry);
      manifest.write(dataDir);
      log.printf("%s: %d bytes, sha256 %s%s%n", label, result.size(), sha256,
          release.isEmpty() ? "" : ", release " + release);
      fetched.add(new Fetched(file.path(), entry));
    }
    return fetched;
  }

  private static void requireNoUnrecordedFiles(Path dataDir, List<RemoteFile> files) throws IOException {
    Manifest manifest = Manifest.read(dataDir);
    for (RemoteFile file : files) {
      Path existing = file.unpackTo().isEmpty() ? dataDir.resolve(file.path()) : dataDir.resolve(file.unpackTo());
      if (Files.exists(existing) && !manifest.files().containsKey(file.path())) {
        throw new IllegalArgumentException(existing + " exists but was not downloaded by 'data fetch' (it is not in "
            + dataDir.resolve(Manifest.FILE_NAME) + "); pass --data DIR to fetch into another directory, or --force"
            + " to replace it");
      }
    }
  }

  private static void requireWritable(Path dataDir) throws IOException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new IOException("Cannot create the data directory " + dataDir + ": " + e.getMessage()
          + "; pass --data DIR", e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new AccessDeniedException(dataDir.toString(), null,
          "the data directory is not writable; pass --data DIR (e.g. ~/.detecta/data)");
    }
  }
}
