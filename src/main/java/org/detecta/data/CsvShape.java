package org.detecta.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a CSV file (RFC 4180 quoting, fields may span lines): header fields, record count, and the records
 * whose field count differs from the header's. For file-level checks only; the model code parses the content.
 */
record CsvShape(List<String> header, int records, List<String> raggedRecords) {
  private static final int MAX_REPORTED = 20;

  static CsvShape of(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> header = next(reader);
      if (header == null) {
        return new CsvShape(List.of(), 0, List.of());
      }
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      int records = 0;
      List<String> ragged = new ArrayList<>();
      List<String> fields;
      int line = 1;
      while ((fields = next(reader)) != null) {
        records++;
        line++;
        if (fields.size() != header.size() && !(fields.size() == 1 && fields.get(0).isEmpty())) {
          if (ragged.size() < MAX_REPORTED) {
            ragged.add(file.getFileName() + " record " + (records + 1) + ": " + fields.size() + " fields, header has "
                + header.size());
          }
        }
      }
      return new CsvShape(List.copyOf(header), records, List.copyOf(ragged));
    }
  }

  /** Reads one record, or null at the end of the input. */
  private static List<String> next(Reader reader) throws IOException {
    int c = reader.read();
    if (c < 0) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (c >= 0) {
      if (quoted) {
        if (c == '"') {
          reader.mark(1);
          int d = reader.read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (d >= 0) {
              reader.reset();
            }
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        break;
      } else if (c != '\r') {
        field.append((char) c);
      }
      c = reader.read();
    }
    fields.add(field.toString());
    return fields;
  }
}
