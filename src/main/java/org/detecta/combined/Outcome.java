package org.detecta.combined;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.detecta.diagnosis.Candidate;

/**
 * How the combined differential of one scored case turned out, computed without building the differential:
 * the 1-based rank of the first true diagnosis (0 when no engine lists it), the top candidate's probability,
 * world and whether it is a true diagnosis. Ties are broken by id, as in {@link CombinedModel#combine}.
 */
public record Outcome(int rank, double topProbability, int topWorld, boolean topCorrect) {

  public static Outcome of(Engines.Scored scored, WorldGate gate, Collection<String> truth) {
    double[] world = gate.probabilities(scored.features());
    Map<String, Double> p = new HashMap<>();
    Map<String, Integer> worldOf = new HashMap<>();
    List<org.detecta.diagnosis.Differential> lists = scored.byWorld();
    for (int w = 0; w < lists.size(); w++) {
      for (Candidate c : lists.get(w).candidates()) {
        p.merge(c.id(), world[w] * c.probability(), Double::sum);
        worldOf.putIfAbsent(c.id(), w);
      }
    }
    String best = null;
    for (Map.Entry<String, Double> e : p.entrySet()) {
      if (best == null || before(e.getKey(), e.getValue(), best, p.get(best))) {
        best = e.getKey();
      }
    }
    String target = null;
    for (String id : truth) {
      Double q = p.get(id);
      if (q != null && (target == null || before(id, q, target, p.get(target)))) {
        target = id;
      }
    }
    int rank = 0;
    if (target != null) {
      rank = 1;
      double q = p.get(target);
      for (Map.Entry<String, Double> e : p.entrySet()) {
        if (before(e.getKey(), e.getValue(), target, q)) {
          rank++;
        }
      }
    }
    return new Outcome(rank, best == null ? 0 : p.get(best), best == null ? -1 : worldOf.get(best),
        best != null && truth.contains(best));
  }

  private static boolean before(String id, double p, String other, double q) {
    return p > q || (p == q && id.compareTo(other) < 0);
  }
}
