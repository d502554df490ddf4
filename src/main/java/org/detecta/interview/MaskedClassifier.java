package org.detecta.interview;

import org.detecta.learn.Softmax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.detecta.cases.Sex;

/**
 * A softmax (multinomial logistic) classifier over partial evidence, trained with random masking: every
 * epoch each training patient is shown as several interview-like states (a random subset of its truthful
 * answers, children only with their parent), so it learns P(condition | what was asked) rather than
 * P(condition | full record). Missing is not absent: an answer "no" (or a multi-choice question's absent
 * value) is its own feature, an unasked or "don't know" question contributes nothing. Unlike the naive-Bayes
 * {@link AnswerModel} it weighs correlated answers jointly. Immutable once fitted.
 */
public final class MaskedClassifier {
  private final Map<String, Integer> featureIndex;
  private final int ageOffset;
  private final int sexOffset;
  private final double[][] weights;
  private final double[] bias;

  /**
   * How to train: epochs over the patients, masked states per patient and epoch, Adagrad step size, L2
   * penalty, and the masking mix (share of states with every answer; share of picks among the patient's
   * present findings; the rest uniform over the questions that may be asked).
   */
  public record Settings(int epochs, int states, double rate, double l2, double full, double present, int maxAsked) {
    public static Settings defaults() {
      return new Settings(12, 4, 0.2, 1e-4, 0.1, 0.5, 30);
    }
  }

  private MaskedClassifier(Map<String, Integer> featureIndex, int ageOffset, int sexOffset, double[][] weights, double[] bias) {
    this.featureIndex = Map.copyOf(featureIndex);
    this.ageOffset = ageOffset;
    this.sexOffset = sexOffset;
    this.weights = weights;
    this.bias = bias;
  }

  /** Fits on the examples; {@code classes} fixes the output order (the answer model's). Seeded, deterministic. */
  public static MaskedClassifier fit(QuestionBank bank, List<String> classes, List<AnswerModel.Example> examples,
                                     Settings s, long seed) {
    Map<String, Integer> index = new HashMap<>();
    for (Question q : bank.all()) {
      for (Option o : q.options()) {
        index.put(q.id() + "=" + o.id(), index.size());
      }
    }
    int ageOffset = index.size();
    int sexOffset = ageOffset + AnswerModel.AGE_BANDS.length + 1;
    int nf = sexOffset + 2;
    int nc = classes.size();
    Map<String, Integer> ci = new HashMap<>();
    for (int c = 0; c < nc; c++) {
      ci.put(classes.get(c), c);
    }
    MaskedClassifier model = new MaskedClassifier(index, ageOffset, sexOffset, new double[nc][nf], new double[nc]);
    double[][] g2 = new double[nc][nf];
    double[] g2b = new double[nc];
    Random random = new Random(seed);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    double[] p = new double[nc];
    Map<String, List<Question>> children = new HashMap<>();
    List<Question> roots = new ArrayList<>();
    for (Question q : bank.all()) {
      q.parent().ifPresentOrElse(parent -> children.computeIfAbsent(parent, x -> new ArrayList<>()).add(q), () -> roots.add(q));
    }
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      java.util.Collections.shuffle(order, random);
      for (int i : order) {
        AnswerModel.Example e = examples.get(i);
        int y = ci.get(e.condition());
        for (int k = 0; k < s.states(); k++) {
          int[] f = model.features(e.sex(), e.age(), mask(e.answers(), children, roots, s, random));
          model.step(f, y, p, s, g2, g2b);
        }
      }
    }
    return model;
  }

  /** One Adagrad step of the log-loss (with L2 on the active weights). */
  private void step(int[] f, int y, double[] p, Settings s, double[][] g2, double[] g2b) {
    scores(f, p);
    Softmax.inPlace(p);
    for (int c = 0; c < p.length; c++) {
      double g = p[c] - (c == y ? 1 : 0);
      g2b[c] += g * g;
      bias[c] -= s.rate() * g / Math.sqrt(g2b[c] + 1e-8);
      double[] w = weights[c];
      for (int j : f) {
        double gj = g + s.l2() * w[j];
        g2[c][j] += gj * gj;
        w[j] -= s.rate() * gj / Math.sqrt(g2[c][j] + 1e-8);
      }
    }
  }

  /** A random interview-like subset of a patient's answers (children only after their parent was kept). */
  static Map<String, Answer> mask(Map<String, Answer> truth, Map<String, List<Question>> children, List<Question> roots,
                                  Settings s, Random random) {
    if (random.nextDouble() < s.full()) {
      return truth;
    }
    List<Question> present = new ArrayList<>();
    List<Question> absent = new ArrayList<>();
    for (Question q : roots) {
      add(q, truth, present, absent);
    }
    int asked = 1 + random.nextInt(s.maxAsked());
    Map<String, Answer> out = new HashMap<>();
    for (int n = 0; n < asked && present.size() + absent.size() > 0; n++) {
      int total = present.size() + absent.size();
      int pick = !present.isEmpty() && random.nextDouble() < s.present() ? random.nextInt(present.size()) : random.nextInt(total);
      boolean isPresent = pick < present.size();
      List<Question> from = isPresent ? present : absent;
      int at = isPresent ? pick : pick - present.size();
      Question q = from.get(at);
      from.set(at, from.get(from.size() - 1));
      from.remove(from.size() - 1);
      out.put(q.id(), truth.get(q.id()));
      if (isPresent) {
        for (Question child : children.getOrDefault(q.id(), List.of())) {
          add(child, truth, present, absent);
        }
      }
    }
    return out;
  }

  private static void add(Question q, Map<String, Answer> truth, List<Question> present, List<Question> absent) {
    Answer a = truth.get(q.id());
    if (a != null && !a.isUnknown()) {
      (a.values().equals(Set.of(q.absentValue())) ? absent : present).add(q);
    }
  }

  int[] features(Sex sex, java.util.Optional<Double> age, Map<String, Answer> answers) {
    List<Integer> f = new ArrayList<>();
    for (Answer a : answers.values()) {
      for (String v : a.values()) {
        Integer j = featureIndex.get(a.question() + "=" + v);
        if (j != null) {
          f.add(j);
        }
      }
    }
    age.ifPresent(y -> f.add(ageOffset + AnswerModel.ageBand(y)));
    if (sex == Sex.MALE || sex == Sex.FEMALE) {
      f.add(sexOffset + (sex == Sex.MALE ? 1 : 0));
    }
    return f.stream().mapToInt(Integer::intValue).toArray();
  }

  private void scores(int[] f, double[] out) {
    for (int c = 0; c < out.length; c++) {
      double z = bias[c];
      double[] w = weights[c];
      for (int j : f) {
        z += w[j];
      }
      out[c] = z;
    }
  }



  /** Log-probabilities of every class (the order given at fitting) given what is known. */
  public double[] logPosterior(Sex sex, java.util.Optional<Double> age, Map<String, Answer> answers) {
    double[] z = new double[bias.length];
    scores(features(sex, age, answers), z);
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    double log = max + Math.log(sum);
    for (int i = 0; i < z.length; i++) {
      z[i] -= log;
    }
    return z;
  }
}
