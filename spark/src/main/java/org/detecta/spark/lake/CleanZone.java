package org.detecta.spark.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.detecta.cases.CaseBatch;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.Issue;
import org.detecta.cases.KaggleSymptomReader;
import org.detecta.cases.PatientCase;
import org.detecta.cases.PhenopacketReader;
import org.detecta.spark.SparkSessions;

/**
 * The clean zone: the core's readers validate and normalise each source into one schema (id, source, location,
 * publication, age, sex, observed, excluded, diagnoses, duplicates) and each source becomes an Apache Iceberg
 * table partitioned by source — {@code clean.rare_cases} (phenopackets), {@code clean.ddxplus_patients},
 * {@code clean.kaggle_rows} (identical rows merged, counted in {@code duplicates}). Each write replaces that
 * source's partition in ONE Iceberg commit (readers see the old snapshot or the new one, never half), tagged
 * with the raw snapshot; its validation report is appended to {@code clean.validation_reports}.
 */
public final class CleanZone {
  public static final StructType CASES = new StructType(new StructField[] {
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("source", DataTypes.StringType, false),
      DataTypes.createStructField("location", DataTypes.StringType, true),
      DataTypes.createStructField("publication", DataTypes.StringType, true),
      DataTypes.createStructField("age", DataTypes.DoubleType, true),
      DataTypes.createStructField("sex", DataTypes.StringType, true),
      DataTypes.createStructField("observed", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("excluded", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("diagnoses", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("duplicates", DataTypes.IntegerType, false)});
  static final String COLUMNS_SQL = "id string, source string, location string, publication string, age double, sex string, "
      + "observed array<string>, excluded array<string>, diagnoses array<string>, duplicates int";
  static final String REPORTS = SparkSessions.CATALOG + ".clean.validation_reports";

  private final SparkSession spark;

  public CleanZone(SparkSession spark) {
    this.spark = spark;
  }

  /** One table written: its name, the Iceberg snapshot id, rows, and the validation counts. */
  public record Written(String table, String source, long snapshotId, long rows, long errors, long warnings) {
  }

  public List<Written> write(Path dataDir, String rawSnapshot) throws Exception {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + SparkSessions.CATALOG + ".clean");
    spark.sql("CREATE TABLE IF NOT EXISTS " + REPORTS + " (raw_snapshot string, table_name string, source string, "
        + "table_snapshot bigint, rows bigint, errors bigint, warnings bigint, issues array<string>, ingested_at string) USING iceberg");
    List<Written> written = new ArrayList<>();
    Path phenopackets = dataDir.resolve("phenopackets");
    if (Files.isDirectory(phenopackets)) {
      written.add(table("rare_cases", "phenopackets", new PhenopacketReader().read(phenopackets), List.of(), rawSnapshot));
    }
    Path ddxplus = dataDir.resolve("ddxplus/patients.csv");
    if (Files.isRegularFile(ddxplus)) {
      CaseBatch batch = new DdxplusReader().read(ddxplus);
      written.add(table("ddxplus_patients", "ddxplus", batch, unknownTokens(dataDir.resolve("ddxplus"), batch), rawSnapshot));
    }
    Path kaggle = dataDir.resolve("kaggle-disease-symptom/Training.csv");
    if (Files.isRegularFile(kaggle)) {
      written.add(table("kaggle_rows", "kaggle", new KaggleSymptomReader().read(kaggle), List.of(), rawSnapshot));
    }
    return written;
  }

  private Written table(String name, String source, CaseBatch batch, List<Issue> extra, String rawSnapshot) throws Exception {
    String table = SparkSessions.CATALOG + ".clean." + name;
    spark.sql("CREATE TABLE IF NOT EXISTS " + table + " (" + COLUMNS_SQL + ") USING iceberg PARTITIONED BY (source)");
    List<Row> rows = "kaggle".equals(source) ? deduplicated(batch.cases(), source) : batch.cases().stream()
        .map(p -> row(p, source, 1)).toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Issue> issues = new ArrayList<>(batch.issues());
    issues.addAll(extra);
    long errors = issues.stream().filter(i -> i.severity() == Issue.Severity.ERROR).count();
    spark.createDataFrame(jsc.parallelize(rows, 2), CASES).writeTo(table)
        .option("snapshot-property.detecta.raw-snapshot", rawSnapshot)
        .option("snapshot-property.detecta.validation-errors", Long.toString(errors))
        .overwritePartitions();
    Snapshot snapshot = loadSnapshot(table);
    Written w = new Written(table, source, snapshot.snapshotId(), rows.size(), errors, issues.size() - errors);
    List<String> first = issues.stream().limit(20).map(Issue::toString).toList();
    spark.createDataFrame(List.of(RowFactory.create(rawSnapshot, table, source, w.snapshotId(), w.rows(), w.errors(),
            w.warnings(), first.toArray(String[]::new), Instant.now().toString())), spark.table(REPORTS).schema())
        .writeTo(REPORTS).append();
    return w;
  }

  private Snapshot loadSnapshot(String table) {
    try {
      return Spark3Util.loadIcebergTable(spark, table).currentSnapshot();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the snapshot of " + table + ": " + e.getMessage(), e);
    }
  }

  private static Row row(PatientCase p, String source, int duplicates) {
    return RowFactory.create(p.id(), source, p.source(), p.publication().orElse(null), p.ageYears().orElse(null),
        p.sex().name(), p.observed().toArray(String[]::new), p.excluded().toArray(String[]::new),
        p.diagnoses().toArray(String[]::new), duplicates);
  }

  /** Kaggle rows with the same findings and diagnosis become one row; the first id is kept. */
  private static List<Row> deduplicated(List<PatientCase> cases, String source) {
    Map<String, PatientCase> first = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (PatientCase p : cases) {
      String key = new TreeSet<>(p.observed()) + "|" + p.diagnoses();
      first.putIfAbsent(key, p);
      counts.merge(key, 1, Integer::sum);
    }
    return first.entrySet().stream().map(e -> row(e.getValue(), source, counts.get(e.getKey()))).toList();
  }

  /** DDXPlus tokens the release files do not define (kept, reported as warnings). */
  private static List<Issue> unknownTokens(Path ddxDir, CaseBatch batch) throws IOException {
    if (!Files.isRegularFile(ddxDir.resolve(DdxplusCatalog.EVIDENCES_FILE))) {
      return List.of();
    }
    DdxplusCatalog catalog = DdxplusCatalog.load(ddxDir);
    List<Issue> issues = new ArrayList<>();
    for (PatientCase p : batch.cases()) {
      for (String token : p.observed()) {
        String problem = catalog.problemWith(token);
        if (problem != null) {
          issues.add(Issue.warning(p.source(), problem));
        }
      }
    }
    return issues;
  }
}
