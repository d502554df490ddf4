package org.detecta.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Builds (or reuses) the Spark session of a command: the given master ({@code local[2]}, {@code spark://..},
 * {@code k8s://..}), no web UI, Iceberg's SQL extensions, and — when a lake is given — the Iceberg catalog
 * {@code lake} over that warehouse (a Hadoop catalog: tables are directories, commits are atomic renames of
 * metadata files). Local masters bind to 127.0.0.1.
 */
public final class SparkSessions {
  /** The Iceberg catalog name every lake table lives in. */
  public static final String CATALOG = "lake";

  private SparkSessions() {
  }

  public static SparkSession get(String master, String appName) {
    return builder(master, appName).getOrCreate();
  }

  /** A session whose {@code lake} catalog is the Iceberg warehouse at {@code warehouse}. */
  public static SparkSession withLake(String master, String appName, String warehouse) {
    return builder(master, appName)
        .config("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog." + CATALOG + ".type", "hadoop")
        .config("spark.sql.catalog." + CATALOG + ".warehouse", warehouse)
        .getOrCreate();
  }

  private static SparkSession.Builder builder(String master, String appName) {
    SparkSession.Builder builder = SparkSession.builder()
        .master(master)
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        // tables read by path (batch --input <lake>/clean/...) go through Iceberg's default catalog, which would
        // otherwise be a Hive catalog; a Hadoop one needs no metastore (its warehouse is never written here)
        .config("spark.sql.catalog.default_iceberg", "org.apache.iceberg.spark.SparkCatalog")
        .config("spark.sql.catalog.default_iceberg.type", "hadoop")
        .config("spark.sql.catalog.default_iceberg.warehouse", System.getProperty("java.io.tmpdir") + "/detecta-iceberg-default");
    if (master.startsWith("local")) {
      builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder;
  }
}
