package org.detecta.interview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A question with its expected information gain (nats) on the current differential. */
public record RankedQuestion(Question question, double gain) {
  /** Best first: the larger gain, then the question id (a reproducible order among ties). */
  public static final Comparator<RankedQuestion> ORDER =
      Comparator.comparingDouble((RankedQuestion r) -> -r.gain()).thenComparing(r -> r.question().id());

  /**
   * The first {@code k} of {@code all} in {@link #ORDER}, without sorting the rest: a step asks for a handful of
   * hundreds of questions, and sorting them all was an eighth of a diagnosis' CPU (JFR, kaggle-symptoms).
   */
  public static List<RankedQuestion> best(List<RankedQuestion> all, int k) {
    if (k >= all.size()) {
      List<RankedQuestion> sorted = new ArrayList<>(all);
      sorted.sort(ORDER);
      return sorted;
    }
    if (k <= 0) {
      return List.of();
    }
    RankedQuestion[] top = new RankedQuestion[k];
    int n = 0;
    for (RankedQuestion q : all) {
      if (n == k && !before(q, top[k - 1])) {
        continue;
      }
      int i = n < k ? n++ : k - 1;
      while (i > 0 && before(q, top[i - 1])) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = q;
    }
    return Arrays.asList(top).subList(0, n);
  }

  private static boolean before(RankedQuestion a, RankedQuestion b) {
    int byGain = Double.compare(b.gain(), a.gain());
    return byGain < 0 || (byGain == 0 && a.question().id().compareTo(b.question().id()) < 0);
  }
}
