package org.detecta.combined;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.Query;
import org.detecta.rank.RareEngine;

/**
 * The {@code detecta} model: P(disease | findings) = P(world | findings) × P(disease | world, findings),
 * where the world is rare, DDXPlus-type common or Kaggle-type common, P(world | findings) is the
 * {@link WorldGate} (prior prevalence included) and the second factor is each engine's calibrated posterior.
 * Probabilities over the whole differential sum to at most 1. A disease named identically by both common
 * models (Pneumonia, GERD, Tuberculosis) is one candidate whose probability is the sum of both. Candidates
 * keep their engine's kind and evidence. Immutable and thread-safe.
 */
public final class CombinedModel implements DiagnosticModel {
  public static final String NAME = "detecta";

  private final Engines engines;
  private final WorldGate gate;

  public CombinedModel(Engines engines, WorldGate gate) {
    this.engines = engines;
    this.gate = gate;
  }

  public Engines engines() {
    return engines;
  }

  public WorldGate gate() {
    return gate;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Differential diagnose(Query query, int top) {
    return combine(engines.score(query, top), gate, top);
  }

  /** Ids of the cases the rare component learned from (to warn when evaluating on them). */
  public Set<String> trainingCaseIds() {
    return engines.rare() instanceof RareEngine engine ? engine.trainingCaseIds() : Set.of();
  }

  /** The combined differential of already-scored engines under a gate; at most {@code top} candidates (all if ≤ 0). */
  public static Differential combine(Engines.Scored scored, WorldGate gate, int top) {
    double[] world = gate.probabilities(scored.features());
    Map<String, Merged> byId = new LinkedHashMap<>();
    List<Differential> differentials = scored.byWorld();
    for (int w = 0; w < differentials.size(); w++) {
      for (Candidate c : differentials.get(w).candidates()) {
        double p = world[w] * c.probability();
        byId.computeIfAbsent(c.id(), id -> new Merged(c)).add(p, c.evidence());
      }
    }
    List<Candidate> candidates = byId.values().stream().map(Merged::candidate)
        .sorted(Comparator.comparingDouble((Candidate c) -> -c.probability()).thenComparing(Candidate::id))
        .limit(top <= 0 ? Long.MAX_VALUE : top).toList();
    return new Differential(candidates, scored.translated().unrecognised());
  }

  /** A candidate summed over the engines that list it. */
  private static final class Merged {
    private final Candidate first;
    private final List<Evidence> evidence = new ArrayList<>();
    private double probability;

    Merged(Candidate first) {
      this.first = first;
    }

    void add(double p, List<Evidence> more) {
      probability += p;
      evidence.addAll(more);
    }

    Candidate candidate() {
      List<Evidence> sorted = new ArrayList<>(evidence);
      sorted.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.contribution())));
      return new Candidate(first.id(), first.name(), Math.min(1.0, Math.max(0.0, probability)), first.kind(), sorted,
          first.similarCases());
    }
  }

  @Override
  public boolean knowsDisease(String diseaseId) {
    return engines.rare().knowsDisease(diseaseId) || engines.ddxplus().knowsDisease(diseaseId)
        || engines.kaggle().knowsDisease(diseaseId);
  }
}
