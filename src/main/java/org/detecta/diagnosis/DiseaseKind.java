package org.detecta.diagnosis;

/** Whether a candidate comes from the rare-disease knowledge (HPO, OMIM, Orphanet) or a common-disease model. */
public enum DiseaseKind {
  RARE, COMMON;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
