package org.detecta.batch;

import java.util.Optional;

/** Output formats by name: {@code csv} built in, others (e.g. {@code parquet}) from the Spark module. */
public final class BatchFormats {
  private BatchFormats() {
  }

  public static BatchFormat require(String name) {
    if (CsvFormat.NAME.equals(name)) {
      return new CsvFormat();
    }
    if (!"parquet".equals(name)) {
      throw new IllegalArgumentException("--format must be parquet or csv, was '" + name + "'");
    }
    Optional<BatchFormat> found = Extensions.find(BatchFormat.class, f -> f.name().equals(name));
    return found.orElseThrow(() -> new IllegalStateException("--format parquet needs the Spark module (or use "
        + "--format csv): " + Extensions.BUILD_HINT));
  }
}
