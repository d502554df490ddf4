package org.detecta.text;

/** Precision, recall and F1 from true positives and the predicted and gold counts (0 when undefined). */
public record Prf(double precision, double recall, double f1) {
  public static Prf of(int truePredicted, int predicted, int trueGold, int gold) {
    double p = predicted == 0 ? 0 : (double) truePredicted / predicted;
    double r = gold == 0 ? 0 : (double) trueGold / gold;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Prf(p, r, f);
  }
}
