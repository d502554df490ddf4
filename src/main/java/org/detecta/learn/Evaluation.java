package org.detecta.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics of probabilities against true classes: accuracy, macro recall / F1, top-k,
 * log loss, Brier score (mean squared error of the probability vector), expected calibration error
 * (15 equal-width confidence bins), confusion matrix, per-class report and the reliability bins.
 */
public record Evaluation(Map<String, Double> metrics, int[][] confusion, List<PerClass> perClass, List<Bin> reliability) {
  public static final int BINS = 15;

  public record PerClass(String name, double precision, double recall, double f1, int support) {
  }

  public record Bin(double lower, double upper, int count, double confidence, double accuracy) {
  }

  public static Evaluation of(double[][] p, int[] y, List<String> classes) {
    int k = classes.size();
    int n = y.length;
    int[][] confusion = new int[k][k];
    int[] topHits = new int[11];
    double logLoss = 0;
    double brier = 0;
    double[] binConf = new double[BINS];
    double[] binAcc = new double[BINS];
    int[] binCount = new int[BINS];
    for (int r = 0; r < n; r++) {
      int best = argmax(p[r]);
      confusion[y[r]][best]++;
      int rank = 1;
      for (int c = 0; c < k; c++) {
        if (c != y[r] && (p[r][c] > p[r][y[r]] || (p[r][c] == p[r][y[r]] && c < y[r]))) {
          rank++;
        }
      }
      for (int t = rank; t <= 10; t++) {
        topHits[t]++;
      }
      logLoss -= Math.log(Math.max(p[r][y[r]], 1e-12));
      for (int c = 0; c < k; c++) {
        double d = p[r][c] - (c == y[r] ? 1 : 0);
        brier += d * d;
      }
      int bin = Math.min(BINS - 1, (int) (p[r][best] * BINS));
      binConf[bin] += p[r][best];
      binAcc[bin] += best == y[r] ? 1 : 0;
      binCount[bin]++;
    }
    List<PerClass> perClass = new ArrayList<>();
    double recallSum = 0;
    double f1Sum = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      int tp = confusion[c][c];
      int support = 0;
      int predicted = 0;
      for (int j = 0; j < k; j++) {
        support += confusion[c][j];
        predicted += confusion[j][c];
      }
      double precision = predicted == 0 ? 0 : tp / (double) predicted;
      double recall = support == 0 ? 0 : tp / (double) support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.add(new PerClass(classes.get(c), precision, recall, f1, support));
      if (support > 0) {
        present++;
        recallSum += recall;
        f1Sum += f1;
      }
    }
    double ece = 0;
    List<Bin> bins = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      if (binCount[b] > 0) {
        ece += Math.abs(binAcc[b] - binConf[b]) / n;
        bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, binCount[b], binConf[b] / binCount[b], binAcc[b] / binCount[b]));
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("cases", (double) n);
    m.put("accuracy", topHits[1] / (double) n);
    m.put("macroRecall", present == 0 ? 0 : recallSum / present);
    m.put("macroF1", present == 0 ? 0 : f1Sum / present);
    m.put("top1", topHits[1] / (double) n);
    m.put("top3", topHits[3] / (double) n);
    m.put("top5", topHits[5] / (double) n);
    m.put("top10", topHits[10] / (double) n);
    m.put("logLoss", logLoss / n);
    m.put("brier", brier / n);
    m.put("ece", ece);
    return new Evaluation(m, confusion, perClass, bins);
  }

  public static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }
}
