package org.detecta.cases;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opens case files for the readers' {@code Path} overloads, decompressing {@code .gz} transparently. */
public final class CaseFiles {
  private CaseFiles() {
  }

  public static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (!isGzip(file)) {
      return raw;
    }
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (IOException e) {
      raw.close();
      throw new IOException(file + " ends in .gz but is not gzip data: " + e.getMessage(), e);
    }
  }

  /** One body line of a table, with its location {@code source:line} (the header is line 1). */
  @FunctionalInterface
  public interface RowHandler {
    void row(String line, String location) throws IOException;
  }

  /** Calls {@code handler} for every non-blank line left in {@code reader}, the header having been read. */
  public static void forEachRow(BufferedReader reader, String sourceName, RowHandler handler) throws IOException {
    String line;
    int lineNo = 1;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (!line.isBlank()) {
        handler.row(line, sourceName + ":" + lineNo);
      }
    }
  }

  static boolean isGzip(Path file) {
    return lowerName(file).endsWith(".gz");
  }

  /** The file name in lower case without a trailing {@code .gz}, to tell the format by extension. */
  public static String baseName(Path file) {
    String name = lowerName(file);
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  private static String lowerName(Path file) {
    return file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
  }
}
