package org.detecta.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.detecta.cases.PatientCase;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Query;

/**
 * Generic evaluation of any {@link DiagnosticModel} on cases: the 1-based rank of the first correct
 * diagnosis per case (0 when not listed), optionally after masking a seeded fraction of each case's
 * findings, on a bounded pool of threads.
 */
public final class CaseEvaluator {
  /** Per-case outcome: rank (0 = not listed), whether the model knows any of its diseases, findings it ignored. */
  public record Outcome(PatientCase patient, int rank, boolean known, List<String> unrecognised) {
  }

  private final DiagnosticModel model;
  private final int threads;

  public CaseEvaluator(DiagnosticModel model, int threads) {
    this.model = model;
    this.threads = Math.max(1, threads);
  }

  public List<Outcome> evaluate(List<PatientCase> cases, double mask, long seed) throws InterruptedException {
    return SeededParallel.map(cases, threads, seed, (patient, caseSeed) -> one(patient, mask, caseSeed));
  }

  private Outcome one(PatientCase patient, double mask, long seed) {
    Query query = Query.of(patient);
    if (mask > 0) {
      Random random = new Random(seed);
      query = new Query(keep(query.observed(), mask, random), keep(query.excluded(), mask, random),
          query.sex(), query.ageYears());
    }
    Differential differential = model.diagnose(query, 0);
    boolean known = patient.diagnoses().stream().anyMatch(model::knowsDisease);
    return new Outcome(patient, differential.rankOfAny(patient.diagnoses()), known, differential.unrecognised());
  }

  /** Hides {@code fraction} of the findings (rounded), keeping at least one when there was one. */
  static List<String> keep(List<String> findings, double fraction, Random random) {
    List<String> shuffled = new ArrayList<>(findings);
    java.util.Collections.shuffle(shuffled, random);
    int keep = (int) Math.round(findings.size() * (1 - fraction));
    if (keep == 0 && !findings.isEmpty()) {
      keep = 1;
    }
    return shuffled.subList(0, keep);
  }

  public static int[] ranks(List<Outcome> outcomes) {
    return outcomes.stream().mapToInt(Outcome::rank).toArray();
  }
}
