package org.detecta.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.detecta.batch.PatientInputs;
import org.detecta.batch.PatientReader;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;
import scala.Tuple2;

/**
 * Reads a batch input as a distributed table of patients ({@link PatientRows#PATIENTS}): a DDXPlus CSV is
 * split across partitions and parsed by the core's own parser (ids as the local engine gives them: the
 * {@code patient_id} column, else file:line); Parquet files and Iceberg tables are read by Spark; a cases
 * TSV or phenopacket directory (small by nature) is read by the core's readers and distributed.
 */
public final class SparkPatientInputs {
  private SparkPatientInputs() {
  }

  public static Dataset<Row> read(SparkSession spark, String input, int partitions) throws IOException {
    String path = input.startsWith("file:") ? input.substring("file:".length()) : input;
    boolean remote = path.contains("://");
    Path local = Path.of(path);
    if (!remote && !Files.exists(local)) {
      throw new IllegalArgumentException("input " + input + " does not exist");
    }
    if (remote) {
      return normalise(path.endsWith(".parquet") ? spark.read().parquet(path) : spark.read().format("iceberg").load(path), input);
    }
    if (Files.exists(local.resolve("LAKE.json"))) {
      throw new IllegalArgumentException("input " + input + " is a lake, not a table: give one of its tables, e.g. "
          + local.resolve("clean/ddxplus_patients") + " or " + local.resolve("clean/rare_cases"));
    }
    if (Files.isDirectory(local.resolve("metadata"))) {
      return normalise(spark.read().format("iceberg").load(local.toAbsolutePath().toString()), input);
    }
    if (isParquet(local)) {
      return normalise(spark.read().parquet(path), input);
    }
    String name = local.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (Files.isRegularFile(local) && name.endsWith(".csv")) {
      String header;
      try (var in = Files.newBufferedReader(local)) {
        header = in.readLine();
      }
      if (header != null && DdxplusReader.recognises(header)) {
        return ddxplus(spark, local, header, partitions);
      }
    }
    return fromCoreReader(spark, local, partitions);
  }

  private static boolean isParquet(Path local) throws IOException {
    if (Files.isRegularFile(local)) {
      return local.getFileName().toString().endsWith(".parquet");
    }
    if (!Files.isDirectory(local)) {
      return false;
    }
    try (Stream<Path> files = Files.list(local)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
  }

  private static Dataset<Row> ddxplus(SparkSession spark, Path file, String header, int partitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    DdxplusReader.Layout layout = DdxplusReader.Layout.of(header);
    String source = file.toString();
    JavaRDD<String> lines = jsc.textFile(file.toAbsolutePath().toUri().toString(), partitions);
    boolean hasIds = Arrays.stream(header.split(",")).map(String::trim).anyMatch(c -> c.equalsIgnoreCase("patient_id"));
    JavaRDD<Row> rows;
    if (hasIds) {
      String first = header;
      rows = lines.mapPartitions(it -> parse(it, layout, source, first));
    } else {
      // ids are file:line, as the local engine gives them: number the lines (one extra pass over the file)
      rows = lines.zipWithIndex().mapPartitions(it -> parseNumbered(it, layout, source));
    }
    return spark.createDataFrame(rows, PatientRows.PATIENTS);
  }

  private static Iterator<Row> parse(Iterator<String> lines, DdxplusReader.Layout layout, String source, String header) {
    List<Issue> issues = new ArrayList<>();
    return new MappedIterator<>(lines, line -> {
      if (line.isBlank() || line.equals(header)) {
        return null;
      }
      issues.clear();
      return layout.parse(line, source, issues).map(p -> PatientRows.toRow(p.patient())).orElse(null);
    });
  }

  private static Iterator<Row> parseNumbered(Iterator<Tuple2<String, Long>> lines, DdxplusReader.Layout layout, String source) {
    List<Issue> issues = new ArrayList<>();
    return new MappedIterator<>(lines, t -> {
      if (t._2() == 0 || t._1().isBlank()) {
        return null;
      }
      issues.clear();
      Optional<DdxplusPatient> p = layout.parse(t._1(), source + ":" + (t._2() + 1), issues);
      return p.map(x -> PatientRows.toRow(x.patient())).orElse(null);
    });
  }

  private static Dataset<Row> fromCoreReader(SparkSession spark, Path local, int partitions) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (PatientReader reader = PatientInputs.open(local)) {
      PatientCase p;
      while ((p = reader.next()) != null) {
        rows.add(PatientRows.toRow(p));
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(jsc.parallelize(rows, Math.max(1, partitions)), PatientRows.PATIENTS);
  }

  /**
   * Maps a table's columns onto the patient schema: {@code patient_id} (or {@code id}) and {@code observed}
   * are required; {@code sex}, {@code age}, {@code excluded} optional. Missing columns fail naming them.
   */
  static Dataset<Row> normalise(Dataset<Row> table, String input) {
    List<String> columns = Arrays.asList(table.columns());
    String idColumn = columns.contains("patient_id") ? "patient_id" : columns.contains("id") ? "id" : null;
    List<String> missing = new ArrayList<>();
    if (idColumn == null) {
      missing.add("patient_id (or id)");
    }
    if (!columns.contains("observed")) {
      missing.add("observed");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("input " + input + " lacks column(s) " + missing + "; it has " + columns);
    }
    Column sex = columns.contains("sex") ? functions.col("sex").cast(DataTypes.StringType) : functions.lit(null).cast(DataTypes.StringType);
    Column age = columns.contains("age") ? functions.col("age").cast(DataTypes.DoubleType) : functions.lit(null).cast(DataTypes.DoubleType);
    Column excluded = columns.contains("excluded") ? functions.col("excluded")
        : functions.lit(null).cast(DataTypes.createArrayType(DataTypes.StringType));
    return table.select(functions.col(idColumn).cast(DataTypes.StringType).as("patient_id"), sex.as("sex"), age.as("age"),
        functions.col("observed").as("observed"), excluded.as("excluded"));
  }
}
