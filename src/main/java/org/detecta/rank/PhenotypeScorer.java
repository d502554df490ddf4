package org.detecta.rank;

/**
 * One way of scoring every disease for a query of resolved term indices. Implementations are immutable
 * and thread-safe; {@code out} (length = disease count) is overwritten with a log-scale score per disease.
 */
public interface PhenotypeScorer {
  String name();

  void score(int[] observed, int[] excluded, float[] out);
}
