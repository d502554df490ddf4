package org.detecta.kb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable, versioned knowledge base: the HPO as a {@link TermIndex}, the annotated diseases, and
 * the information content of every term. Built once by {@link KnowledgeBaseLoader}; shared read-only.
 */
public final class KnowledgeBase {
  private final HpoRelease release;
  private final TermIndex terms;
  private final List<DiseaseProfile> diseases;
  private final Map<String, DiseaseProfile> diseasesById;
  private final double[] informationContent;
  private final List<SkippedAnnotation> skippedAnnotations;

  public KnowledgeBase(HpoRelease release, TermIndex terms, List<DiseaseProfile> diseases) {
    this(release, terms, diseases, List.of());
  }

  public KnowledgeBase(HpoRelease release, TermIndex terms, List<DiseaseProfile> diseases,
                       List<SkippedAnnotation> skippedAnnotations) {
    this.skippedAnnotations = List.copyOf(skippedAnnotations);
    this.release = Objects.requireNonNull(release, "release");
    this.terms = Objects.requireNonNull(terms, "terms");
    this.diseases = List.copyOf(diseases);
    Map<String, DiseaseProfile> byId = new HashMap<>(this.diseases.size() * 2);
    for (DiseaseProfile disease : this.diseases) {
      byId.put(disease.id(), disease);
    }
    this.diseasesById = Map.copyOf(byId);
    this.informationContent = InformationContent.compute(terms, this.diseases);
  }

  public HpoRelease release() {
    return release;
  }

  public TermIndex terms() {
    return terms;
  }

  public List<DiseaseProfile> diseases() {
    return diseases;
  }

  public Optional<DiseaseProfile> disease(String id) {
    return Optional.ofNullable(diseasesById.get(id));
  }

  /** Annotation rows left out because their term is obsolete or unknown in this HPO release. */
  public List<SkippedAnnotation> skippedAnnotations() {
    return skippedAnnotations;
  }

  /** Information content of the term at {@code index}; see {@link InformationContent}. */
  public double informationContent(int index) {
    return informationContent[index];
  }
}
