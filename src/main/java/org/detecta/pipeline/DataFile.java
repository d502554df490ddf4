package org.detecta.pipeline;

import java.util.Objects;

/** One input file of a training run, fingerprinted: path relative to the data directory, sha256, size, release. */
public record DataFile(String path, String sha256, long bytes, String release) {
  public DataFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    release = release == null ? "" : release;
  }
}
