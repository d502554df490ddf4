package org.detecta.lake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.detecta.kb.DiseaseProfile;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.PhenotypeAnnotation;
import org.detecta.kb.TermIndex;

/**
 * Rare-disease-like synthetic cases from the HPO disease profiles: a disease drawn uniformly among those with at
 * least {@value #MIN_FEATURES} features; each feature observed with its annotated frequency; imprecision (a
 * term replaced by one of its parents with probability {@value #IMPRECISION}); noise (an unrelated term from
 * another disease with probability {@value #NOISE}); up to two excluded terms: the disease's NOT features and,
 * sometimes, a term of another disease. Written as cases TSV with {@code publication = synthetic}.
 */
public final class RareCaseSynthesizer {
  static final int MIN_FEATURES = 3;
  static final double IMPRECISION = 0.25;
  static final double NOISE = 0.3;
  /** Case reports list a handful of findings, not a whole profile: at most this many observed terms. */
  static final int MAX_OBSERVED = 12;

  private final KnowledgeBase kb;
  private final List<DiseaseProfile> diseases;

  public RareCaseSynthesizer(KnowledgeBase kb) {
    this.kb = kb;
    this.diseases = kb.diseases().stream()
        .filter(d -> d.annotations().stream().filter(a -> !a.excluded()).count() >= MIN_FEATURES).toList();
    if (diseases.isEmpty()) {
      throw new IllegalArgumentException("the knowledge base has no disease with " + MIN_FEATURES + " features");
    }
  }

  public static String header() {
    return "case_id\tdisease_ids\tobserved_hpo\texcluded_hpo\tpublication";
  }

  public void writeOne(String id, SplittableRandom random, BufferedWriter out) throws IOException {
    DiseaseProfile disease = diseases.get(random.nextInt(diseases.size()));
    TermIndex terms = kb.terms();
    Set<String> observed = new LinkedHashSet<>();
    Set<String> excluded = new LinkedHashSet<>();
    List<PhenotypeAnnotation> present = new ArrayList<>();
    for (PhenotypeAnnotation a : disease.annotations()) {
      if (a.excluded()) {
        if (excluded.size() < 2) {
          excluded.add(a.term().getValue());
        }
      } else {
        present.add(a);
      }
    }
    for (PhenotypeAnnotation a : present) {
      if (random.nextDouble() < a.frequency()) {
        observed.add(imprecise(a, terms, random));
      }
    }
    if (observed.size() > MAX_OBSERVED) {
      List<String> shuffled = new ArrayList<>(observed);
      for (int i = shuffled.size() - 1; i > 0; i--) {
        java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
      }
      observed.clear();
      observed.addAll(shuffled.subList(0, 3 + random.nextInt(MAX_OBSERVED - 2)));
    }
    if (observed.isEmpty()) {
      PhenotypeAnnotation best = present.stream().max(java.util.Comparator.comparingDouble(PhenotypeAnnotation::frequency)).orElseThrow();
      observed.add(best.term().getValue());
    }
    if (random.nextDouble() < NOISE) {
      observed.add(randomTerm(random));
    }
    if (excluded.size() < 2 && random.nextDouble() < 0.5) {
      String other = randomTerm(random);
      if (!observed.contains(other)) {
        excluded.add(other);
      }
    }
    out.write(id + '\t' + disease.id() + '\t' + String.join(",", observed) + '\t' + String.join(",", excluded)
        + "\tsynthetic\n");
  }

  private static String imprecise(PhenotypeAnnotation a, TermIndex terms, SplittableRandom random) {
    if (random.nextDouble() >= IMPRECISION) {
      return a.term().getValue();
    }
    return terms.indexOf(a.term()).map(i -> {
      int[] parents = terms.parents(i);
      return parents.length == 0 ? a.term().getValue() : terms.id(parents[random.nextInt(parents.length)]).getValue();
    }).orElse(a.term().getValue());
  }

  private String randomTerm(SplittableRandom random) {
    DiseaseProfile other = diseases.get(random.nextInt(diseases.size()));
    List<PhenotypeAnnotation> features = other.annotations();
    return features.get(random.nextInt(features.size())).term().getValue();
  }
}
