package org.detecta.monitor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The drift statistics: population stability index and Pearson's chi-square goodness-of-fit with its p-value. */
public final class Distributions {
  private Distributions() {
  }

  /** Normalises counts to proportions. */
  public static Map<String, Double> proportions(Map<String, ? extends Number> counts) {
    double total = counts.values().stream().mapToDouble(Number::doubleValue).sum();
    Map<String, Double> out = new HashMap<>();
    counts.forEach((k, v) -> out.put(k, total == 0 ? 0.0 : v.doubleValue() / total));
    return out;
  }

  /**
   * PSI = Σ (a−e)·ln(a/e) over the union of categories; proportions are floored at {@code epsilon} so an
   * unseen category counts as rare, not infinite. Rule of thumb: &lt; 0.1 stable, &gt; 0.25 shifted.
   */
  public static double psi(Map<String, Double> expected, Map<String, Double> actual, double epsilon) {
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    double sum = 0;
    for (String k : keys) {
      double e = Math.max(expected.getOrDefault(k, 0.0), epsilon);
      double a = Math.max(actual.getOrDefault(k, 0.0), epsilon);
      sum += (a - e) * Math.log(a / e);
    }
    return sum;
  }

  /** PSI of one binary feature (present with rate p in the reference, q now). */
  public static double binaryPsi(double p, double q, double epsilon) {
    return psi(Map.of("yes", p, "no", 1 - p), Map.of("yes", q, "no", 1 - q), epsilon);
  }

  /**
   * Chi-square goodness of fit of observed counts against expected proportions. Categories expected
   * below 5 counts are pooled into one (the test's validity condition). Returns statistic, df and p-value.
   */
  public static ChiSquare chiSquare(Map<String, Double> expected, Map<String, ? extends Number> observed) {
    double n = observed.values().stream().mapToDouble(Number::doubleValue).sum();
    if (n == 0) {
      return new ChiSquare(0, 0, 1.0);
    }
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(observed.keySet());
    double stat = 0;
    int df = -1;
    double pooledExpected = 0;
    double pooledObserved = 0;
    for (String k : keys) {
      double e = expected.getOrDefault(k, 0.0) * n;
      double o = observed.containsKey(k) ? observed.get(k).doubleValue() : 0.0;
      if (e < 5) {
        pooledExpected += e;
        pooledObserved += o;
      } else {
        stat += (o - e) * (o - e) / e;
        df++;
      }
    }
    if (pooledExpected > 0 || pooledObserved > 0) {
      double e = Math.max(pooledExpected, 0.5); // never divide by zero: unseen mass is still surprising
      stat += (pooledObserved - e) * (pooledObserved - e) / e;
      df++;
    }
    return df <= 0 ? new ChiSquare(stat, 0, 1.0) : new ChiSquare(stat, df, upperGamma(df / 2.0, stat / 2.0));
  }

  /** Pearson's statistic, degrees of freedom and p-value. */
  public record ChiSquare(double statistic, int degreesOfFreedom, double pValue) {
  }

  /** Regularised upper incomplete gamma Q(a, x) (series for x &lt; a+1, continued fraction otherwise). */
  static double upperGamma(double a, double x) {
    if (x <= 0) {
      return 1.0;
    }
    double lnPrefix = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
      double sum = 1.0 / a;
      double term = sum;
      for (int n = 1; n < 1000; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-15) {
          break;
        }
      }
      return Math.max(0, 1.0 - sum * Math.exp(lnPrefix));
    }
    double b = x + 1 - a;
    double c = 1.0 / 1e-300;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < 1000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < 1e-300 ? 1e-300 : d;
      c = b + an / c;
      c = Math.abs(c) < 1e-300 ? 1e-300 : c;
      d = 1.0 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return Math.min(1.0, Math.exp(lnPrefix) * h);
  }

  /** Lanczos approximation of ln Γ(x), x &gt; 0. */
  static double logGamma(double x) {
    double[] g = {676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = 0.99999999999980993;
    double t = x + 7.5;
    for (int i = 0; i < g.length; i++) {
      a += g[i] / (x + i + 1);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
