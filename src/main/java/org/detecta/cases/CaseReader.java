package org.detecta.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads patient cases from one format. Malformed entries become {@link Issue}s with their location and
 * never stop the rest of the file from being read. Only I/O failures are thrown.
 */
public interface CaseReader {
  /** Reads one stream; {@code sourceName} is used in case sources and issue locations. */
  CaseBatch read(InputStream in, String sourceName) throws IOException;

  /** Reads a file, gzip-compressed when its name ends in {@code .gz} (formats that read a directory tree override this). */
  default CaseBatch read(Path path) throws IOException {
    try (InputStream in = CaseFiles.open(path)) {
      return read(in, path.toString());
    }
  }
}
