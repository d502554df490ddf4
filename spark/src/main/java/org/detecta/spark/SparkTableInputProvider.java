package org.detecta.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.detecta.batch.PatientInputProvider;
import org.detecta.batch.PatientReader;
import org.detecta.cases.PatientCase;

/**
 * Lets the local engine read Parquet files and Iceberg lake tables: an in-process {@code local[1]} Spark
 * session reads the table and hands patients over one partition at a time ({@code toLocalIterator}), so memory
 * stays bounded by a partition. Scoring itself stays the local engine's.
 */
public final class SparkTableInputProvider implements PatientInputProvider {
  @Override
  public Optional<PatientReader> open(Path input) throws IOException {
    SparkSession spark = SparkSessions.get("local[1]", "detecta-batch-local-input");
    Iterator<Row> rows = SparkPatientInputs.read(spark, input.toString(), 1).toLocalIterator();
    String source = input.toString();
    return Optional.of(new PatientReader() {
      @Override
      public PatientCase next() {
        return rows.hasNext() ? PatientRows.toPatient(rows.next(), source) : null;
      }

      @Override
      public long skipped() {
        return 0;
      }

      @Override
      public void close() {
      }
    });
  }
}
