package org.detecta.kb;

import java.util.Objects;

/**
 * Which knowledge-base files a {@link KnowledgeBase} was built from: the HPO release, the annotation
 * file date, and the sha256 of both files, so every model can say exactly what it was trained on.
 */
public record HpoRelease(String ontologyVersion, String annotationsDate, String ontologySha256,
                         String annotationsSha256) {
  public HpoRelease {
    Objects.requireNonNull(ontologyVersion, "ontologyVersion");
    Objects.requireNonNull(annotationsDate, "annotationsDate");
    Objects.requireNonNull(ontologySha256, "ontologySha256");
    Objects.requireNonNull(annotationsSha256, "annotationsSha256");
  }
}
