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
    if (name.endsWith(".csv")) {
      return csvReader(path);
    }
    throw new IllegalArgumentException("Cannot tell the format of " + path
        + ": expected a phenopacket .json file or directory, or a cases .tsv");
  }

  /** A {@code .csv} is told apart by its header: DDXPlus patients or the Kaggle symptom table (wide or long). */
  static CaseReader csvReader(Path path) {
    String header;
    try (java.io.BufferedReader in = Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8)) {
      header = in.readLine();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Cannot read " + path + ": " + e.getMessage(), e);
    }
    if (header != null && DdxplusReader.recognises(header)) {
      return new DdxplusReader();
    }
    if (header != null && KaggleSymptomReader.recognises(header)) {
      return new KaggleSymptomReader();
    }
    throw new IllegalArgumentException("Cannot tell the format of " + path + ": its header is neither DDXPlus"
        + " (age,top5_diagnoses,sex,diagnosis,features,feature_id) nor the Kaggle symptom table (symptom columns + prognosis,"
        + " or Disease,Symptom_1..)");
  }
}
