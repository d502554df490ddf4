package org.detecta.batch;

import java.util.List;
import java.util.Objects;

/**
 * One output row of batch scoring: a patient's candidate at one rank. {@code rareFlag} is the same on every row
 * of a patient: true when any rare-disease candidate of that patient reaches the flag threshold (the
 * case-finding list a genetics service reviews).
 */
public record BatchRow(String patientId, int rank, String diseaseId, String diseaseName, double probability,
                       String kind, String model, int version, boolean rareFlag) {
  /** Column names, in output order, for every format. */
  public static final List<String> COLUMNS = List.of("patient_id", "rank", "disease_id", "disease_name",
      "probability", "kind", "model", "version", "rare_flag");

  public BatchRow {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(diseaseId, "diseaseId");
    Objects.requireNonNull(diseaseName, "diseaseName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(model, "model");
  }
}
