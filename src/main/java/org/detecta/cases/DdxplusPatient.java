package org.detecta.cases;

import java.util.List;
import java.util.Objects;

/**
 * A DDXPlus patient: the generic case plus what only DDXPlus has, the initial evidence the patient came in
 * with ({@code feature_id}) and the dataset's reference differential ({@code top5_diagnoses}, best first).
 */
public record DdxplusPatient(PatientCase patient, String initialEvidence, List<RankedDiagnosis> referenceDifferential) {
  public DdxplusPatient {
    Objects.requireNonNull(patient, "patient");
    initialEvidence = initialEvidence == null ? "" : initialEvidence;
    referenceDifferential = List.copyOf(referenceDifferential);
  }

  /** One entry of the reference differential. */
  public record RankedDiagnosis(String name, double probability) {
    public RankedDiagnosis {
      Objects.requireNonNull(name, "name");
    }
  }

  /** The ground-truth pathology (English name). */
  public String diagnosis() {
    return patient.diagnoses().get(0);
  }
}
