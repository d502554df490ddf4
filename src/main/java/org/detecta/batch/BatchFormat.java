package org.detecta.batch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output format of batch scoring ({@code csv} in the core; {@code parquet} from the Spark module, found
 * through {@link java.util.ServiceLoader}). Writes one part file into a directory.
 */
public interface BatchFormat {
  /** The {@code --format} value, e.g. {@code csv}. */
  String name();

  /** Opens part number {@code part} in {@code dir} (e.g. {@code part-00000.csv}). */
  RowSink open(Path dir, int part) throws IOException;
}
