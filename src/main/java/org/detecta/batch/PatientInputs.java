package org.detecta.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.detecta.cases.CaseBatch;
import org.detecta.cases.CaseFiles;
import org.detecta.cases.CaseReaders;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;

/**
 * Opens a batch input for the local engine: a DDXPlus patient CSV is streamed row by row; a cases TSV, a
 * phenopacket file or directory is read whole (they are small); Parquet files and lake tables go to a
 * {@link PatientInputProvider} (the Spark module). Unusable inputs fail with a message naming the problem.
 */
public final class PatientInputs {
  private PatientInputs() {
  }

  public static PatientReader open(Path input) throws IOException {
    if (!Files.exists(input)) {
      throw new IllegalArgumentException("input " + input + " does not exist");
    }
    if (!Files.isReadable(input)) {
      throw new IllegalArgumentException("input " + input + " is not readable");
    }
    if (Files.exists(input.resolve("LAKE.json"))) {
      throw new IllegalArgumentException("input " + input + " is a lake, not a table: give one of its tables, e.g. "
          + input.resolve("clean/ddxplus_patients"));
    }
    if (isParquetOrTable(input)) {
      for (PatientInputProvider provider : ServiceLoader.load(PatientInputProvider.class)) {
        Optional<PatientReader> reader = provider.open(input);
        if (reader.isPresent()) {
          return reader.get();
        }
      }
      throw new IllegalArgumentException("input " + input + " is Parquet or a lake table, which needs the Spark module: "
          + Extensions.BUILD_HINT);
    }
    String name = CaseFiles.baseName(input);
    if (Files.isRegularFile(input) && name.endsWith(".csv")) {
      String header;
      try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
        header = in.readLine();
      }
      if (header != null && DdxplusReader.recognises(header)) {
        return ddxplus(input);
      }
    }
    CaseBatch batch;
    try {
      batch = CaseReaders.forPath(input).read(input);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot use " + input + " as batch input: " + e.getMessage(), e);
    }
    long errors = batch.issues().stream().filter(i -> i.severity() == Issue.Severity.ERROR).count();
    if (batch.cases().isEmpty() && errors > 0) {
      throw new IllegalArgumentException("no readable patient in " + input + ": " + batch.issues().get(0));
    }
    return of(batch.cases(), errors);
  }

  /** True for {@code .parquet} files and directories holding Parquet files or an Iceberg table. */
  static boolean isParquetOrTable(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return input.getFileName().toString().endsWith(".parquet");
    }
    if (Files.isDirectory(input.resolve("metadata"))) {
      return true;
    }
    try (Stream<Path> files = Files.list(input)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
  }

  /** Patients already in memory. */
  public static PatientReader of(List<PatientCase> cases, long skipped) {
    Iterator<PatientCase> it = List.copyOf(cases).iterator();
    return new PatientReader() {
      @Override
      public PatientCase next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public long skipped() {
        return skipped;
      }

      @Override
      public void close() {
      }
    };
  }

  private static PatientReader ddxplus(Path input) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(CaseFiles.open(input), StandardCharsets.UTF_8), 1 << 16);
    List<Issue> issues = new ArrayList<>();
    Optional<DdxplusReader.Cursor> cursor = new DdxplusReader().open(in, input.toString(), issues);
    if (cursor.isEmpty()) {
      in.close();
      throw new IllegalArgumentException("cannot use " + input + ": " + issues.get(0));
    }
    return new PatientReader() {
      private long skipped;

      @Override
      public PatientCase next() throws IOException {
        DdxplusPatient patient = cursor.get().next(issues);
        skipped += issues.stream().filter(i -> i.severity() == Issue.Severity.ERROR).count();
        issues.clear();
        return patient == null ? null : patient.patient();
      }

      @Override
      public long skipped() {
        return skipped;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
