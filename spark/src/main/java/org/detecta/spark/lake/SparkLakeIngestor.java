package org.detecta.spark.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.detecta.config.DetectaPaths;
import org.detecta.lake.LakeIngestor;
import org.detecta.spark.SparkSessions;

/**
 * {@code lake ingest}: raw zone first (content-addressed files + snapshot manifest), then — only when the raw
 * snapshot changed, or a clean table is missing — the clean zone's Iceberg tables. A lake is marked by
 * {@code LAKE.json}; a non-empty directory without it is refused (it is not a lake).
 */
public final class SparkLakeIngestor implements LakeIngestor {
  public static final String MARKER = "LAKE.json";

  @Override
  public Map<String, Object> ingest(DetectaPaths paths, String lake, String master) throws Exception {
    Path data = paths.data();
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException("data directory " + data + " does not exist (--data DIR)");
    }
    String location = lake.contains("://") || lake.startsWith("file:") ? lake : Path.of(lake).toAbsolutePath().normalize().toString();
    SparkSession spark = SparkSessions.withLake(master, "detecta-lake-ingest", location);
    LakeMarker.requireLakeOrEmpty(location, spark.sparkContext().hadoopConfiguration());
    long start = System.nanoTime();
    RawZone raw = new RawZone(location, spark.sparkContext().hadoopConfiguration());
    RawZone.Result rawResult = raw.ingest(data);
    boolean tablesExist = spark.catalog().tableExists(SparkSessions.CATALOG + ".clean.validation_reports");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lake", location);
    out.put("rawSnapshot", rawResult.snapshot());
    out.put("rawChanged", rawResult.created());
    out.put("files", rawResult.files().size());
    out.put("changedFiles", rawResult.changed().size());
    if (rawResult.created() || !tablesExist) {
      List<CleanZone.Written> written = new CleanZone(spark).write(data, rawResult.snapshot());
      Map<String, Object> tables = new LinkedHashMap<>();
      for (CleanZone.Written w : written) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("snapshotId", w.snapshotId());
        t.put("rows", w.rows());
        t.put("errors", w.errors());
        t.put("warnings", w.warnings());
        tables.put(w.table(), t);
      }
      out.put("clean", tables);
    } else {
      out.put("clean", "unchanged (no-op)");
    }
    out.put("seconds", (System.nanoTime() - start) / 1e9);
    return out;
  }
}
