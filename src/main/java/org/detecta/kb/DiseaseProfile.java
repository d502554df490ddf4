package org.detecta.kb;

import java.util.List;
import java.util.Objects;

/** A disease as the knowledge base describes it: its id (OMIM:, ORPHA:, DECIPHER:), name and features. */
public record DiseaseProfile(String id, String name, List<PhenotypeAnnotation> annotations) {
  public DiseaseProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    annotations = List.copyOf(annotations);
  }

  /** The database prefix of the id, e.g. {@code OMIM}. */
  public String database() {
    int colon = id.indexOf(':');
    return colon < 0 ? "" : id.substring(0, colon);
  }
}
