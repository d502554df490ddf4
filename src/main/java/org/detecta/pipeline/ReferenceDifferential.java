package org.detecta.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.detecta.cases.DdxplusPatient;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Query;

/**
 * How well a model's differential matches DDXPlus's reference differential ({@code DIFFERENTIAL_DIAGNOSIS} /
 * {@code top5_diagnoses}): precision and recall of the predicted top 5 against the reference's first five
 * names, averaged over patients that have a reference, and their harmonic mean. Full evidence.
 */
public final class ReferenceDifferential {
  public static final int K = 5;

  private ReferenceDifferential() {
  }

  /** {@code referenceTop5Precision}, {@code referenceTop5Recall}, {@code referenceTop5F1}; empty when no patient has a reference. */
  public static Map<String, Double> metrics(DiagnosticModel model, List<DdxplusPatient> patients) {
    double precision = 0;
    double recall = 0;
    int n = 0;
    for (DdxplusPatient p : patients) {
      if (p.referenceDifferential().isEmpty()) {
        continue;
      }
      List<String> reference = p.referenceDifferential().stream().limit(K).map(DdxplusPatient.RankedDiagnosis::name).toList();
      List<String> predicted = model.diagnose(Query.of(p.patient()), K).candidates().stream().map(Candidate::id).toList();
      long hits = predicted.stream().filter(reference::contains).count();
      precision += predicted.isEmpty() ? 0 : hits / (double) predicted.size();
      recall += hits / (double) reference.size();
      n++;
    }
    if (n == 0) {
      return Map.of();
    }
    double pr = precision / n;
    double rc = recall / n;
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("referenceTop5Precision", pr);
    out.put("referenceTop5Recall", rc);
    out.put("referenceTop5F1", pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc));
    return out;
  }
}
