package org.detecta.interview;

import java.util.Locale;

/** How a question is answered: yes/no, one value, a set of values, or an HPO term (yes/no/unknown). */
public enum QuestionKind {
  BINARY, CATEGORICAL, MULTI, HPO;

  /** The name used in JSON: {@code binary}, {@code categorical}, {@code multi}, {@code hpo}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
