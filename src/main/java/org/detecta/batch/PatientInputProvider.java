package org.detecta.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads inputs the core cannot (Parquet files, lake tables); the Spark module provides one through
 * {@link java.util.ServiceLoader}. Empty when the path is not of its kind.
 */
public interface PatientInputProvider {
  Optional<PatientReader> open(Path input) throws IOException;
}
