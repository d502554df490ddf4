package org.detecta.lake;

import java.util.Map;
import org.detecta.config.DetectaPaths;

/**
 * Ingests a data directory into the lake (raw, clean and features zones). Implemented by the Spark module
 * (Apache Iceberg tables) and found through {@link java.util.ServiceLoader}.
 */
public interface LakeIngestor {
  /** Returns the summary printed as the command's JSON line. */
  Map<String, Object> ingest(DetectaPaths paths, String lake, String master) throws Exception;
}
