package org.detecta.interview;

import java.util.List;
import java.util.Random;
import org.detecta.diagnosis.Candidate;
import org.detecta.pipeline.SeededParallel;

/**
 * Simulated interviews: each patient starts from its initial state, the policy picks a question, the
 * patient answers truthfully ({@link Oracle}), and the rank of its true diagnosis is recorded after every
 * question, up to a budget or until no question is left.
 */
public final class InterviewSimulator {
  /** Which question to ask: the highest expected gain, or uniformly at random among allowed ones. */
  public enum Policy { BEST, RANDOM }

  /** The simulated patient's truthful answer to any question. */
  public interface Oracle {
    Answer answer(Question question);
  }

  public record Patient(String id, InterviewState start, Oracle oracle, List<String> diagnoses) {
  }

  /** Per number of questions asked (index 0 = none): rank of the truth (0 = beyond top 10) and top probability. */
  public record Trace(int[] rank, double[] topProbability) {
    public int rankAfter(int questions) {
      return rank[Math.min(questions, rank.length - 1)];
    }

    /** Questions asked when the top probability first reaches the threshold (or the budget / questions ran out). */
    public int stopAt(double threshold, int budget) {
      for (int t = 0; t < topProbability.length && t <= budget; t++) {
        if (topProbability[t] >= threshold) {
          return t;
        }
      }
      return Math.min(budget, topProbability.length - 1);
    }
  }

  private final Interviewer interviewer;
  private final Policy policy;
  private final long seed;

  public InterviewSimulator(Interviewer interviewer, Policy policy, long seed) {
    this.interviewer = interviewer;
    this.policy = policy;
    this.seed = seed;
  }

  public Trace run(Patient patient, int budget, long patientSeed) {
    Random random = new Random(patientSeed);
    InterviewState state = patient.start();
    int[] rank = new int[budget + 1];
    double[] top = new double[budget + 1];
    int t = 0;
    record(state, patient, rank, top, 0);
    while (t < budget) {
      Question q = choose(state, random);
      if (q == null) {
        break;
      }
      state = state.with(patient.oracle().answer(q));
      t++;
      record(state, patient, rank, top, t);
    }
    return new Trace(java.util.Arrays.copyOf(rank, t + 1), java.util.Arrays.copyOf(top, t + 1));
  }

  private Question choose(InterviewState state, Random random) {
    if (policy == Policy.RANDOM) {
      List<Question> allowed = interviewer.allowed(state);
      return allowed.isEmpty() ? null : allowed.get(random.nextInt(allowed.size()));
    }
    List<RankedQuestion> next = interviewer.next(state, 1);
    return next.isEmpty() ? null : next.get(0).question();
  }

  private void record(InterviewState state, Patient patient, int[] rank, double[] top, int t) {
    List<Candidate> differential = interviewer.differential(state, 10);
    top[t] = differential.isEmpty() ? 0 : differential.get(0).probability();
    rank[t] = 0;
    for (int i = 0; i < differential.size(); i++) {
      if (patient.diagnoses().contains(differential.get(i).id())) {
        rank[t] = i + 1;
        break;
      }
    }
  }

  /** Runs every patient on a small pool; each patient's random stream depends only on the seed and its index. */
  public List<Trace> runAll(List<Patient> patients, int budget, int threads) throws InterruptedException {
    return SeededParallel.map(patients, threads, seed, (p, s) -> run(p, budget, s));
  }
}
