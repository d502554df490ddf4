package org.detecta.learn;

import java.util.List;
import java.util.Optional;

/**
 * The weighted mean of several classifiers' probabilities over the same class order. DDXPlus: a random forest decides
 * top-1 with full evidence, naive Bayes at a small weight keeps the differential's tail and partial evidence sensible
 * (votes of a forest are mostly zeros, and a forest leans on findings a clinician may not have).
 */
public final class SoftVote implements ProbabilisticClassifier {
  /** One voter and its (positive) weight. */
  public record Member(double weight, ProbabilisticClassifier classifier) {
    public Member {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("a vote weight must be positive and finite, was " + weight);
      }
    }
  }

  private final List<Member> members;
  private final double total;

  public SoftVote(List<Member> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a vote needs at least one member");
    }
    this.members = List.copyOf(members);
    this.total = members.stream().mapToDouble(Member::weight).sum();
  }

  public List<Member> members() {
    return members;
  }

  @Override
  public double[][] probabilities(double[][] x) {
    double[][] sum = null;
    for (Member m : members) {
      double[][] p = m.classifier().probabilities(x);
      if (sum == null) {
        sum = new double[p.length][p.length == 0 ? 0 : p[0].length];
      }
      for (int r = 0; r < p.length; r++) {
        for (int c = 0; c < p[r].length; c++) {
          sum[r][c] += p[r][c] * m.weight() / total;
        }
      }
    }
    return sum;
  }

  /** Stored member by member through {@link CommonModelArtifact}. */
  @Override
  public Optional<byte[]> libraryBytes() {
    return Optional.empty();
  }
}
