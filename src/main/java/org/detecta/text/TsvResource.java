package org.detecta.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reviewed tab-separated resources of this package: UTF-8, blank lines and {@code #} comments skipped, an
 * optional header row (first column {@code header}) skipped, every other line a row with its place for messages.
 */
final class TsvResource {
  /** One data row: its columns (all kept, even empty trailing ones), the raw line, and {@code "source:line: "}. */
  record Row(List<String> cols, String line, String where) {
    Row {
      cols = List.copyOf(cols);
    }

    /** The columns as a fresh array, for parsers that index them. */
    String[] columns() {
      return cols.toArray(String[]::new);
    }
  }

  /** How a resource's rows become its value; {@link IllegalArgumentException} names a bad row. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(InputStream in, String source) throws IOException;
  }

  private TsvResource() {
  }

  /** The rows of {@code in}, a TSV named {@code source} in messages, whose header row starts with {@code header}. */
  static List<Row> rows(InputStream in, String source, String header) throws IOException {
    List<Row> rows = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#") || line.startsWith(header + "\t")) {
        continue;
      }
      rows.add(new Row(List.of(line.split("\t", -1)), line, source + ":" + number + ": "));
    }
    return rows;
  }

  /** The resource {@code name} shipped next to this class, parsed; a missing one is a broken build. */
  static <T> T bundled(String name, Parser<T> parser) {
    try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Resource org/detecta/text/" + name + " is missing from the build");
      }
      return parser.parse(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
