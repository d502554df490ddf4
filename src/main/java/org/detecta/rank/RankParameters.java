package org.detecta.rank;

/**
 * Tunable constants of the engine, stored with every artifact.
 *
 * @param unknownFrequency frequency assumed for a KB annotation without one (the loader's 1.0 is too confident)
 * @param falsePositive    probability of reporting a term the disease profile does not explain
 * @param smoothing        pseudo-count weight of the KB prior when estimating a disease profile from cases
 * @param publicationCap   total weight one publication may give to one disease's profile
 * @param maxPresent       cap on P(term|disease) used for excluded terms, so one absent term cannot veto
 */
public record RankParameters(double unknownFrequency, double falsePositive, double smoothing,
                             double publicationCap, double maxPresent) {
  public RankParameters {
    check("unknownFrequency", unknownFrequency, 0, 1);
    check("falsePositive", falsePositive, 0, 1);
    check("smoothing", smoothing, 0, 1e6);
    check("publicationCap", publicationCap, 0, 1e6);
    check("maxPresent", maxPresent, 0, 1);
  }

  public static RankParameters defaults() {
    return new RankParameters(0.5, 0.002, 2.0, 3.0, 0.9);
  }

  private static void check(String name, double value, double min, double max) {
    if (!(value > min && value <= max)) {
      throw new IllegalArgumentException(name + " must be in (" + min + "," + max + "], was " + value);
    }
  }
}
