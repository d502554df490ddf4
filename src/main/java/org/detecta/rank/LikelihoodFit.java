package org.detecta.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Chooses the likelihood-ratio constants (unknown-frequency default, frequency exponent β, profile-size
 * exponent α, noise ε, likelihood ratio of an observed term annotated NOT) on a publication-grouped validation
 * split, never on test data: coordinate passes over small grids (repeated until a pass changes nothing, at most
 * {@value #MAX_PASSES}), each value kept when it raises the validation mean reciprocal rank of the two observed
 * likelihood-ratio components (lr-kb, lr-cases) ranked alone. Only a change of the unknown-frequency default
 * rebuilds the profiles; the other constants only rebuild the likelihood tables.
 */
final class LikelihoodFit {
  static final double[] UNKNOWN_FREQUENCY = {0.5, 1.0};
  static final double[] FREQUENCY_EXPONENT = {0.25, 0.5, 1.0};
  static final double[] SIZE_EXPONENT = {0.0, 0.5, 1.0};
  static final double[] NOISE = {0.01, 0.05, 0.2};
  static final double[] NOT_PENALTY = {0.001, 0.01, 0.1, 1.0};
  /**
   * Validation cases used for the search (evenly spaced), to bound its cost: about all of one inner part of a
   * full-data CV fold (≈ 2,200 cases). With ≤ 400 the folds chose different β and α; scoring both LR components
   * costs ≈ 0.4 ms per case, so a pass over the grids costs ≈ 15 s of CPU here.
   */
  static final int MAX_CASES = 2000;
  /** Coordinate passes at most (the search stops after a pass that changed nothing). */
  static final int MAX_PASSES = 3;
  private static final int[] COMPONENTS = {ScoringModel.LR_KB, ScoringModel.LR_CASES};

  private LikelihoodFit() {
  }

  /** The chosen constants, the model built with them on the training cases and its validation MRR. */
  record Result(RankParameters parameters, ScoringModel model, double mrr) {
  }

  /**
   * @param build builds the model on the training cases for parameters whose profiles differ from the start
   */
  static Result fit(ScoringModel start, Function<RankParameters, ScoringModel> build, List<ResolvedCase> validation,
                    Consumer<String> progress) {
    List<ResolvedCase> cases = usable(start, validation);
    if (cases.isEmpty()) {
      return new Result(start.parameters(), start, 0);
    }
    Result initial = new Result(start.parameters(), start, mrr(start, cases));
    double[][] grids = {UNKNOWN_FREQUENCY, FREQUENCY_EXPONENT, SIZE_EXPONENT, NOISE, NOT_PENALTY};
    Result current = initial;
    int passes = 0;
    boolean changed = true;
    while (changed && passes < MAX_PASSES) {
      changed = false;
      passes++;
      for (int axis = 0; axis < grids.length; axis++) {
        for (double value : grids[axis]) {
          RankParameters p = axisValue(current.parameters(), axis, value);
          if (p.equals(current.parameters())) {
            continue;
          }
          ScoringModel model = p.sameProfiles(current.parameters()) ? current.model().withLikelihoods(p)
              : build.apply(p);
          double mrr = mrr(model, cases);
          if (mrr > current.mrr()) {
            current = new Result(p, model, mrr);
            changed = true;
          }
        }
      }
    }
    progress.accept(String.format("likelihood constants %s: validation MRR (lr-kb, lr-cases) %.3f on %d cases"
        + " (start %.3f, %d coordinate passes)", current.parameters(), current.mrr(), cases.size(), initial.mrr(),
        passes));
    return current;
  }

  static RankParameters axisValue(RankParameters p, int axis, double value) {
    return switch (axis) {
      case 0 -> p.withUnknownFrequency(value);
      case 1 -> p.withFrequencyExponent(value);
      case 2 -> p.withSizeExponent(value);
      case 3 -> p.withNoise(value);
      default -> p.withNotPenalty(value);
    };
  }

  /** Evenly spaced validation cases with observed terms and a diagnosis the model knows, at most {@link #MAX_CASES}. */
  static List<ResolvedCase> usable(ScoringModel model, List<ResolvedCase> validation) {
    List<ResolvedCase> known = validation.stream()
        .filter(c -> c.observed().length > 0 && c.diagnoses().stream().anyMatch(d -> model.indexOf(d) >= 0)).toList();
    if (known.size() <= MAX_CASES) {
      return known;
    }
    List<ResolvedCase> out = new ArrayList<>(MAX_CASES);
    for (int i = 0; i < MAX_CASES; i++) {
      out.add(known.get((int) ((long) i * known.size() / MAX_CASES)));
    }
    return out;
  }

  /** Mean over cases and the two observed likelihood-ratio components of 1 / rank of the true diagnosis. */
  static double mrr(ScoringModel model, List<ResolvedCase> cases) {
    return IntStream.range(0, cases.size()).parallel().mapToDouble(i -> {
      ResolvedCase c = cases.get(i);
      float[] scores = new float[model.size()];
      double sum = 0;
      for (int component : COMPONENTS) {
        model.scorer(component).score(c.observed(), c.excluded(), scores);
        sum += 1.0 / Ranks.rankOfAny(scores, model, c.diagnoses());
      }
      return sum / COMPONENTS.length;
    }).sum() / cases.size();
  }
}
