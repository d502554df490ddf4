package org.detecta.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ranking metrics from 1-based ranks of the correct answer (0 = not ranked at all, still counted in the
 * denominator): top-1/3/10 hit rates and mean reciprocal rank.
 */
public record RankingMetrics(int cases, double top1, double top3, double top10, double mrr) {
  public static RankingMetrics of(int[] ranks) {
    int n = ranks.length;
    if (n == 0) {
      return new RankingMetrics(0, 0, 0, 0, 0);
    }
    int h1 = 0;
    int h3 = 0;
    int h10 = 0;
    double rr = 0;
    for (int r : ranks) {
      if (r <= 0) {
        continue;
      }
      h1 += r <= 1 ? 1 : 0;
      h3 += r <= 3 ? 1 : 0;
      h10 += r <= 10 ? 1 : 0;
      rr += 1.0 / r;
    }
    return new RankingMetrics(n, (double) h1 / n, (double) h3 / n, (double) h10 / n, rr / n);
  }

  /** As a map with keys top1, top3, top10, mrr (and cases). */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("cases", (double) cases);
    m.put("top1", top1);
    m.put("top3", top3);
    m.put("top10", top10);
    m.put("mrr", mrr);
    return m;
  }
}
