package org.detecta.batch;

import java.io.IOException;

/** Where one part of the batch output goes (a CSV or Parquet part file). Rows arrive in order. */
public interface RowSink extends AutoCloseable {
  void write(BatchRow row) throws IOException;

  @Override
  void close() throws IOException;
}
