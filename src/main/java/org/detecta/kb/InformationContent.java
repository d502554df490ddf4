package org.detecta.kb;

import java.util.BitSet;
import java.util.List;

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
    BitSet seen = new BitSet(terms.size());
    for (DiseaseProfile disease : diseases) {
      seen.clear();
      for (PhenotypeAnnotation annotation : disease.annotations()) {
        if (annotation.excluded()) {
          continue;
        }
        terms.indexOf(annotation.term()).ifPresent(t -> {
          for (int a : terms.ancestors(t)) {
            seen.set(a);
          }
        });
      }
      seen.stream().forEach(a -> counts[a]++);
    }
    double n = Math.max(1, diseases.size());
    double[] ic = new double[terms.size()];
    for (int i = 0; i < ic.length; i++) {
      ic[i] = -Math.log(Math.max(1, counts[i]) / n);
    }
    return ic;
  }
}
