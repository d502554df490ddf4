package org.detecta.cases;

import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the reader for a path: a directory or {@code .json} file is phenopackets, {@code .tsv} is the cases TSV. */
public final class CaseReaders {
  private CaseReaders() {
  }

  public static CaseReader forPath(Path path) {
    String name = CaseFiles.baseName(path); // lower case, without a trailing .gz
    if (Files.isDirectory(path) || name.endsWith(".json")) {
      return new PhenopacketReader();
    }
    if (name.endsWith(".tsv") || name.endsWith(".txt")) {
      return new CasesTsvReader();
    }
    throw new IllegalArgumentException("Cannot tell the format of " + path
        + ": expected a phenopacket .json file or directory, or a cases .tsv");
  }
}
