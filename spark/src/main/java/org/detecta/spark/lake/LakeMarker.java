package org.detecta.spark.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** {@code LAKE.json} at the lake's root: written on first ingest; its absence in a non-empty directory means "not a lake". */
public final class LakeMarker {
  private LakeMarker() {
  }

  public static void requireLakeOrEmpty(String lake, Configuration conf) throws IOException {
    Path root = new Path(lake);
    FileSystem fs = root.getFileSystem(conf);
    Path marker = new Path(root, SparkLakeIngestor.MARKER);
    if (fs.exists(marker)) {
      return;
    }
    if (fs.exists(root) && (!fs.getFileStatus(root).isDirectory() || fs.listStatus(root).length > 0)) {
      throw new IllegalArgumentException("--lake " + lake + " is not a Detecta lake (no " + SparkLakeIngestor.MARKER
          + ") and is not empty: give an empty or new directory, or an existing lake");
    }
    fs.mkdirs(root);
    try (OutputStream out = fs.create(marker, false)) {
      out.write(("{\"format\":\"detecta-lake/1\",\"zones\":[\"raw\",\"clean\",\"features\"],"
          + "\"tableFormat\":\"Apache Iceberg (Hadoop catalog)\"}\n").getBytes(StandardCharsets.UTF_8));
    }
  }
}
