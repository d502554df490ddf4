package org.detecta.batch;

import java.util.ArrayList;
import java.util.List;
import org.detecta.cases.PatientCase;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Query;

/**
 * Turns one patient into its output rows: the model's ranking without evidence ({@link DiagnosticModel#rank}),
 * the top {@code top} candidates, and the rare-disease flag. Thread-safe (the model is); both engines use it,
 * so their rankings are the same by construction.
 */
public final class PatientScorer {
  private final DiagnosticModel model;
  private final String modelName;
  private final int version;
  private final int top;
  private final double flagThreshold;

  public PatientScorer(DiagnosticModel model, String modelName, int version, int top, double flagThreshold) {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, was " + top);
    }
    if (!(flagThreshold > 0 && flagThreshold <= 1)) {
      throw new IllegalArgumentException("--flag-threshold must be in (0,1], was " + flagThreshold);
    }
    this.model = model;
    this.modelName = modelName;
    this.version = version;
    this.top = top;
    this.flagThreshold = flagThreshold;
  }

  public List<BatchRow> score(PatientCase patient) {
    Differential differential = model.rank(Query.of(patient), top);
    boolean flag = false;
    for (Candidate c : differential.candidates()) {
      flag |= c.kind() == DiseaseKind.RARE && c.probability() >= flagThreshold;
    }
    List<BatchRow> rows = new ArrayList<>(differential.candidates().size());
    int rank = 1;
    for (Candidate c : differential.candidates()) {
      rows.add(new BatchRow(patient.id(), rank++, c.id(), c.name(), c.probability(), c.kind().wireName(),
          modelName, version, flag));
    }
    return rows;
  }
}
