package org.detecta.diagnosis;

/**
 * A loaded, ready-to-use model that turns findings into a differential. Implementations are immutable
 * and thread-safe: the server calls {@link #diagnose} from many threads at once.
 */
public interface DiagnosticModel {
  /** The registry name of the model, e.g. {@code rare-phenotype}. */
  String name();

  /** The ranked differential, at most {@code top} candidates (all when {@code top <= 0}). */
  Differential diagnose(Query query, int top);

  /**
   * The same candidates, order and probabilities as {@link #diagnose}, without the evidence (batch scoring
   * of many patients needs no explanations); models override it when leaving the evidence out is cheaper.
   */
  default Differential rank(Query query, int top) {
    return diagnose(query, top);
  }

  /** True when the model can ever rank this disease id (used to count cases "not in model"). */
  boolean knowsDisease(String diseaseId);
}
