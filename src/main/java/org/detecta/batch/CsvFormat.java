package org.detecta.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code part-NNNNN.csv} with a header line; RFC 4180 quoting (disease names may hold commas and quotes). */
public final class CsvFormat implements BatchFormat {
  public static final String NAME = "csv";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RowSink open(Path dir, int part) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(dir.resolve(String.format(Locale.ROOT, "part-%05d.csv", part)),
        StandardCharsets.UTF_8);
    out.write(String.join(",", BatchRow.COLUMNS));
    out.write('\n');
    return new RowSink() {
      @Override
      public void write(BatchRow r) throws IOException {
        out.write(line(r));
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  /** One CSV line, newline included. */
  public static String line(BatchRow r) {
    return quote(r.patientId()) + ',' + r.rank() + ',' + quote(r.diseaseId()) + ',' + quote(r.diseaseName()) + ','
        + r.probability() + ',' + r.kind() + ',' + quote(r.model()) + ',' + r.version() + ',' + r.rareFlag() + '\n';
  }

  static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
