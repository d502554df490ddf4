package org.detecta.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Fits a {@link FusionModel} on a validation split as a conditional logit: for each validation case, the
 * candidates are the union of the top {@value #TOP} diseases of every component a kept feature uses, {@value #RANDOM} random
 * others and the true diagnosis; the weights maximise the mean log-probability of the true diagnosis
 * among its candidates (softmax over candidates, L2 penalty, Adam on standardised features). Then a
 * one-dimensional search of the temperature maximises the validation log-likelihood over the whole disease
 * space (calibration), and the expected calibration error of the top candidate is reported.
 */
public final class FusionFitter {
  static final int TOP = 30;
  static final int RANDOM = 20;
  private static final int ITERATIONS = 400;
  private static final double L2 = Double.parseDouble(System.getProperty("detecta.rare.l2", "1e-2"));
  /**
   * Features left out of the fit (weight 0), by name. Default: none. The likelihood-ratio features were left out
   * until their scorers became cheap (noise model with precomputed gains, general terms pruned); with them the
   * fusion gained two points of top-1 (5-fold CV, {@code --sample 2500}: 0.245 vs 0.223, docs/RARE_ENGINE.md).
   * Experiments: {@code -Ddetecta.rare.drop=} a comma-separated list of feature names.
   */
  static final String DEFAULT_DROPPED = "";
  private static final java.util.Set<String> DROPPED = java.util.Set.of(
      (System.getProperty("detecta.rare.drop", DEFAULT_DROPPED) + "," + System.getProperty("detecta.rare.drop.extra", ""))
          .split(","));

  /** The fitted fusion and its validation figures. */
  public record Fit(FusionModel model, double logLikelihood, double ece, int cases) {
  }

  /** One validation case's candidates: feature rows and which rows are a true diagnosis (none: not in the model). */
  public record Candidates(float[][] x, boolean[] truth, float[] logWeight) {
    boolean known() {
      for (boolean b : truth) {
        if (b) {
          return true;
        }
      }
      return false;
    }
  }

  public static Fit fit(ScoringModel model, List<ResolvedCase> validation, Consumer<String> progress) {
    return fit(candidates(model, validation), progress);
  }

  /**
   * Candidate sets of the validation cases with observed terms. Those whose diagnosis the model does not know have no
   * true row: the weights and temperature are fitted without them, the unlisted-disease logit on all.
   */
  static List<Candidates> candidates(ScoringModel model, List<ResolvedCase> validation) {
    List<ResolvedCase> usable = validation.stream().filter(c -> c.observed().length > 0).toList();
    List<Candidates> data = new ArrayList<>(java.util.Collections.nCopies(usable.size(), (Candidates) null));
    IntStream.range(0, usable.size()).parallel().forEach(i -> data.set(i, candidates(model, usable.get(i), i)));
    return data;
  }

  /** Fits on candidate sets (possibly pooled from several validation splits). */
  static Fit fit(List<Candidates> all, Consumer<String> progress) {
    List<Candidates> data = all.stream().filter(Candidates::known).toList();
    if (data.isEmpty()) {
      return new Fit(FusionModel.only(ScoringModel.SIMILARITY), 0, 0, 0);
    }
    double[] w = optimise(data);
    // Temperature: 1-D search of the (importance-weighted) candidate log-likelihood under w / t, known cases only.
    double[][] zAll = all.stream().map(c -> logits(c, w)).toArray(double[][]::new);
    double[][] z = IntStream.range(0, all.size()).filter(i -> all.get(i).known()).mapToObj(i -> zAll[i])
        .toArray(double[][]::new);
    double lo = Math.log(0.05);
    double hi = Math.log(20);
    for (int step = 0; step < 30; step++) {
      double m1 = lo + (hi - lo) / 3;
      double m2 = hi - (hi - lo) / 3;
      if (logLikelihood(data, z, Math.exp(m1)) < logLikelihood(data, z, Math.exp(m2))) {
        lo = m1;
      } else {
        hi = m2;
      }
    }
    double t = Math.exp((lo + hi) / 2);
    double ll = logLikelihood(data, z, t);
    double unlisted = unlisted(all, zAll, t);
    double ece = ece(all, zAll, t, unlisted);
    FusionModel fusion = new FusionModel(w, t, unlisted);
    progress.accept(String.format("fusion %s on %d validation cases (%d of a disease the model does not know):"
        + " mean log-likelihood %.3f, ECE %.3f", fusion, all.size(), all.size() - data.size(), ll, ece));
    return new Fit(fusion, ll, ece, data.size());
  }

  /**
   * The unlisted-disease logit u maximising the validation likelihood when the cases whose diagnosis the model does
   * not know count as "unlisted": P(unlisted | case i) = σ(u − L_i) with L_i the log-normaliser of the known diseases,
   * so the optimum solves Σ_i σ(u − L_i) = the number of such cases (monotone in u: bisection). No such case:
   * −∞ (the known diseases share all the probability, as before).
   */
  static double unlisted(List<Candidates> all, double[][] z, double t) {
    long unknown = all.stream().filter(c -> !c.known()).count();
    if (unknown == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] normaliser = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      normaliser[i] = logNormaliser(all.get(i), z[i], t);
    }
    double lo = -50;
    double hi = 50;
    for (int step = 0; step < 100; step++) {
      double u = (lo + hi) / 2;
      double expected = 0;
      for (double l : normaliser) {
        expected += 1 / (1 + Math.exp(l - u));
      }
      if (expected < unknown) {
        lo = u;
      } else {
        hi = u;
      }
    }
    return (lo + hi) / 2;
  }

  /** log Σ_r weight_r · exp(z_r / t): the known diseases' softmax denominator, importance-weighted. */
  private static double logNormaliser(Candidates c, double[] z, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v / t);
    }
    double sum = 0;
    for (int r = 0; r < z.length; r++) {
      sum += Math.exp(z[r] / t - max + c.logWeight()[r]);
    }
    return max + Math.log(sum);
  }

  /** A fusion with weight 1 on every feature the fit may use: which components must be scored. */
  static FusionModel usable() {
    double[] w = new double[FusionFeatures.COUNT];
    for (int f = 0; f < w.length; f++) {
      w[f] = DROPPED.contains(FusionFeatures.NAMES.get(f)) ? 0 : 1;
    }
    return new FusionModel(w, 1);
  }

  static Candidates candidates(ScoringModel model, ResolvedCase c, long seed) {
    FusionModel usable = usable();
    float[][] comps = model.score(c.observed(), c.excluded(), usable);
    boolean[] computed = new boolean[ScoringModel.COMPONENTS];
    TreeSet<Integer> set = new TreeSet<>();
    for (int component = 0; component < ScoringModel.COMPONENTS; component++) {
      computed[component] = usable.needs(component);
      if (computed[component]) {
        for (int d : Ranks.top(comps[component], TOP)) {
          set.add(d);
        }
      }
    }
    for (String id : c.diagnoses()) {
      int d = model.indexOf(id);
      if (d >= 0) {
        set.add(d);
      }
    }
    // random others stand for the rest of the disease space, each weighted by how many it represents
    int chosen = set.size();
    Random random = new Random(seed);
    TreeSet<Integer> others = new TreeSet<>();
    while (others.size() < Math.min(RANDOM, model.size() - chosen)) {
      int d = random.nextInt(model.size());
      if (!set.contains(d)) {
        others.add(d);
      }
    }
    float otherWeight = others.isEmpty() ? 0 : (float) (model.size() - chosen) / others.size();
    FusionFeatures features = new FusionFeatures(comps, model, computed);
    int rows = chosen + others.size();
    float[][] x = new float[rows][FusionFeatures.COUNT];
    boolean[] truth = new boolean[rows];
    float[] logWeight = new float[rows];
    int row = 0;
    for (int d : set) {
      features.row(d, x[row]);
      truth[row] = c.diagnoses().contains(model.id(d));
      row++;
    }
    for (int d : others) {
      features.row(d, x[row]);
      logWeight[row] = (float) Math.log(otherWeight);
      row++;
    }
    return new Candidates(x, truth, logWeight);
  }

  private static double[] logits(Candidates c, double[] w) {
    double[] z = new double[c.x().length];
    for (int r = 0; r < z.length; r++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += w[j] * c.x()[r][j];
      }
      z[r] = s;
    }
    return z;
  }

  /** Mean log-probability of the true diagnosis with logits z / t (candidate rows importance-weighted). */
  static double logLikelihood(List<Candidates> data, double[][] z, double t) {
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      Candidates c = data.get(i);
      double normaliser = logNormaliser(c, z[i], t);
      double hit = 0;
      for (int r = 0; r < z[i].length; r++) {
        hit += c.truth()[r] ? Math.exp(z[i][r] / t - normaliser) : 0;
      }
      sum += Math.log(hit);
    }
    return sum / z.length;
  }

  /** Expected calibration error of the top candidate's probability (the unlisted outcome taking its share), 10 bins. */
  static double ece(List<Candidates> data, double[][] z, double t, double unlisted) {
    List<float[]> predictions = new ArrayList<>();
    for (int i = 0; i < z.length; i++) {
      Candidates c = data.get(i);
      int top = 0;
      for (int r = 1; r < z[i].length; r++) {
        top = z[i][r] > z[i][top] ? r : top;
      }
      double all = Ranks.logAddExp(logNormaliser(c, z[i], t), unlisted);
      predictions.add(new float[] {(float) Math.exp(z[i][top] / t - all), c.truth()[top] ? 1f : 0f});
    }
    return CrossValidation.expectedCalibrationError(predictions);
  }

  /** Conditional-logit weights (original feature scale) maximising the mean log-probability of the truth. */
  static double[] optimise(List<Candidates> data) {
    int f = FusionFeatures.COUNT;
    double[] mean = new double[f];
    double[] sd = new double[f];
    long rows = 0;
    for (Candidates c : data) {
      for (float[] x : c.x()) {
        for (int j = 0; j < f; j++) {
          mean[j] += x[j];
          sd[j] += (double) x[j] * x[j];
        }
        rows++;
      }
    }
    for (int j = 0; j < f; j++) {
      mean[j] /= rows;
      double var = sd[j] / rows - mean[j] * mean[j];
      sd[j] = var > 1e-12 && !DROPPED.contains(FusionFeatures.NAMES.get(j)) ? Math.sqrt(var) : 0;
    }
    double[] w = new double[f];
    double[] m = new double[f];
    double[] v = new double[f];
    double rate = 0.05;
    for (int it = 1; it <= ITERATIONS; it++) {
      double[] grad = gradient(data, w, sd);
      for (int j = 0; j < f; j++) {
        double g = grad[j] + 2 * L2 * w[j];
        m[j] = 0.9 * m[j] + 0.1 * g;
        v[j] = 0.999 * v[j] + 0.001 * g * g;
        double mh = m[j] / (1 - Math.pow(0.9, it));
        double vh = v[j] / (1 - Math.pow(0.999, it));
        w[j] -= rate * mh / (Math.sqrt(vh) + 1e-8);
      }
    }
    double[] original = new double[f];
    for (int j = 0; j < f; j++) {
      original[j] = sd[j] > 0 ? w[j] / sd[j] : 0;
    }
    return original;
  }

  /** Gradient of the mean negative log-likelihood w.r.t. the standardised weights. */
  private static double[] gradient(List<Candidates> data, double[] w, double[] sd) {
    int f = w.length;
    double[][] parts = new double[data.size()][];
    IntStream.range(0, data.size()).parallel().forEach(i -> {
      Candidates c = data.get(i);
      int n = c.x().length;
      double[] z = new double[n];
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < n; r++) {
        double s = 0;
        for (int j = 0; j < f; j++) {
          if (sd[j] > 0) {
            s += w[j] * c.x()[r][j] / sd[j];
          }
        }
        z[r] = s + c.logWeight()[r];
        max = Math.max(max, z[r]);
      }
      double all = 0;
      double hit = 0;
      for (int r = 0; r < n; r++) {
        z[r] = Math.exp(z[r] - max);
        all += z[r];
        hit += c.truth()[r] ? z[r] : 0; // truth rows have log weight 0
      }
      double[] g = new double[f];
      for (int r = 0; r < n; r++) {
        double coefficient = z[r] / all - (c.truth()[r] ? z[r] / hit : 0);
        if (coefficient != 0) {
          for (int j = 0; j < f; j++) {
            if (sd[j] > 0) {
              g[j] += coefficient * c.x()[r][j] / sd[j];
            }
          }
        }
      }
      parts[i] = g;
    });
    double[] grad = new double[f];
    for (double[] g : parts) {
      for (int j = 0; j < f; j++) {
        grad[j] += g[j] / data.size();
      }
    }
    return grad;
  }
}
