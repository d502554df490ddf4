package org.detecta.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often published cases report a feature relative to the knowledge base's frequency, per term, learned from
 * the training cases of KB diseases and applied to every KB profile — also to diseases without cases. A case
 * report lists what the authors looked for: seizures or developmental delay nearly always when the disease has
 * them, subtle dysmorphic features less often than the annotation's frequency says. Per term c:
 * r(c) = (O_c + k) / (E_c + k), O_c the case weight showing c among cases whose disease is annotated to c, E_c the
 * weight those cases would show under the KB frequencies (Σ W_d · P_kb(c|d)), k a pseudo-count pulling rare terms to
 * 1; the corrected frequency is min(1, r(c) · P_kb(c|d)).
 */
final class ReportingRates {
  private ReportingRates() {
  }

  static float[] learn(List<Map<Integer, Float>> kbPresent, CaseProfiles cases, Map<String, Integer> indexById,
                       int termCount, double pseudoCount) {
    double[] observed = new double[termCount];
    double[] expected = new double[termCount];
    for (var e : cases.diseases().entrySet()) {
      Integer d = indexById.get(e.getKey());
      if (d == null || d >= kbPresent.size()) {
        continue;
      }
      CaseProfiles.Learned l = e.getValue();
      for (var p : kbPresent.get(d).entrySet()) {
        int c = p.getKey();
        expected[c] += l.weight() * p.getValue();
        observed[c] += l.terms().getOrDefault(c, 0f);
      }
    }
    float[] rate = new float[termCount];
    for (int c = 0; c < termCount; c++) {
      rate[c] = (float) ((observed[c] + pseudoCount) / (expected[c] + pseudoCount));
    }
    return rate;
  }

  static List<Map<Integer, Float>> apply(List<Map<Integer, Float>> profiles, float[] rate) {
    List<Map<Integer, Float>> out = new ArrayList<>(profiles.size());
    for (Map<Integer, Float> profile : profiles) {
      Map<Integer, Float> m = new HashMap<>(profile.size() * 2);
      for (var p : profile.entrySet()) {
        m.put(p.getKey(), Math.max(RankParameters.MIN_FREQUENCY, Math.min(1f, rate[p.getKey()] * p.getValue())));
      }
      out.add(m);
    }
    return out;
  }
}
