package org.detecta.learn;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;
import smile.classification.FLD;
import smile.feature.SumSquaresRatio;
import smile.projection.PCA;

/**
 * Fits the optional feature transform named in the model config, on training rows only: {@code none},
 * {@code pca} (Smile PCA, k components), {@code lda} (Smile Fisher discriminant on the first 100 principal components)
 * or {@code select} (the k features with the largest univariate between/within sum-of-squares ratio, Smile).
 */
public final class FeatureTransforms {
  private static final int PCA_BEFORE_LDA = 100;

  private FeatureTransforms() {
  }

  public static Optional<AffineProjection> fit(String kind, int k, double[][] x, int[] y, int classes) {
    int p = x[0].length;
    return switch (kind) {
      case "none" -> Optional.empty();
      case "pca" -> {
        PCA pca = PCA.fit(x).setProjection(Math.min(k, p));
        yield Optional.of(AffineProjection.probe(p, pca::project));
      }
      case "lda" -> {
        // Sparse 0/1 findings make the within-class covariance singular: reduce with PCA first (standard PCA+LDA).
        PCA pca = PCA.fit(x).setProjection(Math.min(Math.min(PCA_BEFORE_LDA, p), x.length - classes - 1));
        FLD fld = FLD.fit(pca.project(x), y, Math.min(classes - 1, k), 1e-4);
        yield Optional.of(AffineProjection.probe(p, row -> fld.project(pca.project(row))));
      }
      case "select" -> Optional.of(AffineProjection.select(p, topByRatio(x, y, Math.min(k, p))));
      default -> throw new IllegalArgumentException("unknown feature transform '" + kind
          + "' in models.yaml; expected none, pca, lda or select");
    };
  }

  private static int[] topByRatio(double[][] x, int[] y, int k) {
    double[] ratio = SumSquaresRatio.of(x, y);
    for (int i = 0; i < ratio.length; i++) {
      ratio[i] = Double.isFinite(ratio[i]) ? ratio[i] : 0.0;
    }
    return IntStream.range(0, ratio.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -ratio[i]).thenComparing(i -> i))
        .limit(k).mapToInt(Integer::intValue).sorted().toArray();
  }
}
