package org.detecta.kb;

import java.util.List;
import java.util.Optional;

/**
 * Information content of every term, -ln(fraction of diseases annotated to the term or a descendant),
 * the measure of specificity used by Resnik similarity (Phenomizer). Terms no disease reaches get the
 * maximum, -ln(1/N).
 */
public final class InformationContent {
  private InformationContent() {
  }

  public static double[] compute(TermIndex terms, List<DiseaseProfile> diseases) {
    int[] counts = new int[terms.size()];
    // stamp[t] == disease number + 1 marks t as already counted for this disease (no set allocated per disease)
    int[] stamp = new int[terms.size()];
    int mark = 0;
    for (DiseaseProfile disease : diseases) {
      mark++;
      for (PhenotypeAnnotation annotation : disease.annotations()) {
        if (annotation.excluded()) {
          continue;
        }
        Optional<Integer> index = terms.indexOf(annotation.term());
        if (index.isEmpty()) {
          continue;
        }
        for (int a : terms.ancestors(index.get())) {
          if (stamp[a] != mark) {
            stamp[a] = mark;
            counts[a]++;
          }
        }
      }
    }
    double n = Math.max(1, diseases.size());
    double[] ic = new double[terms.size()];
    for (int i = 0; i < ic.length; i++) {
      ic[i] = -Math.log(Math.max(1, counts[i]) / n);
    }
    return ic;
  }
}
