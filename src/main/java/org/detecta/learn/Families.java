package org.detecta.learn;

import java.util.List;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/** Builds and fits one model family from its spec. Family names are the keys of {@code config/models.yaml}. */
public final class Families {
  public static final List<String> ALL = List.of("logistic", "naive-bayes", "bernoulli-nb", "random-forest", "forest-nb", "xgboost", "svm", "mlp");

  /** Training rows on which a copied forest must reproduce Tribuo's probabilities. */
  private static final int FOREST_CHECK_ROWS = 200;

  /** Held so the level sticks: Tribuo logs every epoch and ensemble member at INFO. */
  private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

  static {
    // LibSVM prints its optimisation log on stdout, which is reserved for command results.
    libsvm.svm.svm_set_print_string_function(line -> { });
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private Families() {
  }

  public static ProbabilisticClassifier fit(ModelSpec spec, double[][] x, int[] y, List<String> classes, long seed) {
    if (spec.family().equals("mlp")) {
      return SmileMlpClassifier.train(spec, x, y, classes.size(), seed);
    }
    if (spec.family().equals("bernoulli-nb")) {
      return BernoulliNaiveBayes.fit(x, y, classes.size(), spec.number("alpha"), spec.number("absence"));
    }
    if (spec.family().equals("forest-nb")) {
      ProbabilisticClassifier forest = fit(spec.as("random-forest"), x, y, classes, seed);
      ProbabilisticClassifier bayes = fit(spec.as("naive-bayes"), x, y, classes, seed);
      return new SoftVote(List.of(new SoftVote.Member(1.0, forest), new SoftVote.Member(spec.number("nbWeight"), bayes)));
    }
    TribuoClassifier tribuo = TribuoClassifier.train(tribuoTrainer(spec, seed), x, y, classes);
    if (spec.family().equals("random-forest")) {
      // stored and scored as plain arrays (Tribuo's own form is 65 MB and 20 ms per diagnose for DDXPlus)
      double[][] check = java.util.Arrays.copyOf(x, Math.min(x.length, FOREST_CHECK_ROWS));
      return tribuo.asTreeEnsemble(check).<ProbabilisticClassifier>map(f -> f).orElse(tribuo);
    }
    return tribuo;
  }


  /** True when the family accepts negative inputs (naive Bayes needs counts / presences in [0, 1]). */
  public static boolean acceptsNegative(String family) {
    return !family.equals("naive-bayes") && !family.equals("bernoulli-nb") && !family.equals("forest-nb");
  }

  static Trainer<Label> tribuoTrainer(ModelSpec spec, long seed) {
    return switch (spec.family()) {
      case "logistic" -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(spec.number("learningRate"), 0.1),
          (int) spec.number("epochs"), Integer.MAX_VALUE, 1, seed);
      case "naive-bayes" -> new MultinomialNaiveBayesTrainer(spec.number("alpha"));
      case "random-forest" -> new RandomForestTrainer<>(
          new CARTClassificationTrainer((int) spec.number("maxDepth"), (float) spec.number("featureFraction"), seed),
          new VotingCombiner(), (int) spec.number("trees"), seed);
      case "xgboost" -> new XGBoostClassificationTrainer((int) spec.number("trees"), spec.number("eta"), 0.0,
          (int) spec.number("maxDepth"), 1.0, spec.number("subsample"), spec.number("featureSubsample"), 1.0, 0.0,
          2, true, seed);
      case "svm" -> {
        SVMParameters<Label> parameters = new SVMParameters<>(
            new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
            KernelType.valueOf(spec.text("kernel", "LINEAR").toUpperCase(java.util.Locale.ROOT)));
        parameters.setCost(spec.number("cost"));
        if (spec.params().containsKey("gamma")) {
          parameters.setGamma(spec.number("gamma"));
        }
        parameters.setProbability();
        yield new LibSVMClassificationTrainer(parameters, seed);
      }
      default -> throw new IllegalArgumentException("unknown model family '" + spec.family()
          + "' in models.yaml; expected one of " + ALL);
    };
  }
}
