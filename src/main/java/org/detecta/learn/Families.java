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
  public static final List<String> ALL = List.of("logistic", "naive-bayes", "random-forest", "xgboost", "svm", "mlp");

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
    return TribuoClassifier.train(tribuoTrainer(spec, seed), x, y, classes);
  }

  /** True when the family accepts negative inputs (multinomial naive Bayes needs counts). */
  public static boolean acceptsNegative(String family) {
    return !family.equals("naive-bayes");
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
