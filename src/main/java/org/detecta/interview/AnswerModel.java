package org.detecta.interview;

import org.detecta.learn.Softmax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.detecta.cases.Sex;

/**
 * A per-condition probabilistic answer model: for every question and condition, P(answer | condition)
 * with smoothing, fitted on training patients' answers (children only among patients whose parent was
 * yes, so the parent structure is respected), plus P(age band | condition), P(sex | condition) and the
 * prior. Questions a condition cannot show (per the release's condition lists) get a small fixed
 * probability of a non-absent answer. Unanswered and "don't know" questions leave the posterior unchanged,
 * so partial evidence is handled exactly. Tables are logs (posterior) and probabilities over each
 * question's outcomes (information gain); immutable once fitted.
 */
public final class AnswerModel {
  static final double[] AGE_BANDS = {1, 5, 15, 30, 45, 60, 75};
  private final List<String> classes;
  private final Map<String, Integer> classIndex = new HashMap<>();
  private final Map<String, Table> tables;
  /** Each question's outcome table with the per-condition sums the expected gain needs, computed once. */
  private final Map<String, InformationGain.Outcomes> gainTables = new HashMap<>();
  private final double[] logPrior;
  private final double[][] logAge;
  private final double[][] logSex;

  /**
   * Outcome tables of one question. {@code outcomes} are value sets (one per row of {@code prob}); for
   * multi-choice questions, {@code logIn}/{@code logOut} hold per-value Bernoulli logs and the outcomes
   * are the value sets seen in training, renormalised.
   */
  record Table(Question question, List<Set<String>> outcomes, double[][] prob, double[][] logProb,
               Map<String, Integer> valueIndex, double[][] logIn, double[][] logOut, double[] logAbsent) {
  }

  /**
   * Rate of a finding outside a condition's release list. None of the 28,514 evidences of the 1,827 released
   * patients lies outside its condition's list (the generator never draws one), so the rate only guards against
   * a list gap; 5-fold CV over train+validation: 0.005 → 0.0005 cut mean questions at stop 3.00 → 2.60 at
   * the same top-1 at stop (docs/INTERVIEW.md).
   */
  public static final double IMPOSSIBLE = 0.0005;

  /** How to smooth: pseudo-count spread over a question's values, and the rate of "impossible" findings. */
  public record Smoothing(double pseudoCount, double impossible, double ordinalSpread, double multiValue) {
    public static Smoothing defaults() {
      return new Smoothing(1.0, IMPOSSIBLE, 0.0, 0.0);
    }

    /** Pseudo-count of one value of a multi-choice question ({@code multiValue}, or half the pseudo-count spread over the values). */
    double perValue(int values) {
      return multiValue > 0 ? multiValue : 0.5 * pseudoCount / values;
    }
  }

  /** Numeric scales (0..10): an answer is also weak evidence for its neighbouring values. */
  static boolean ordinal(List<String> values) {
    return values.size() > 2 && values.stream().allMatch(v -> v.matches("-?\\d+"));
  }

  /** Moves {@code spread} of each count to its two neighbours (half each; all to the one at an end). */
  static double[][] neighbours(double[][] counts, double spread) {
    if (spread <= 0) {
      return counts;
    }
    int nv = counts.length;
    double[][] out = new double[nv][counts[0].length];
    for (int v = 0; v < nv; v++) {
      for (int c = 0; c < counts[v].length; c++) {
        double x = counts[v][c];
        out[v][c] += x * (1 - spread);
        if (v > 0 && v < nv - 1) {
          out[v - 1][c] += x * spread / 2;
          out[v + 1][c] += x * spread / 2;
        } else {
          out[v == 0 ? 1 : nv - 2][c] += x * spread;
        }
      }
    }
    return out;
  }

  private AnswerModel(List<String> classes, Map<String, Table> tables, double[] logPrior, double[][] logAge, double[][] logSex) {
    this.classes = List.copyOf(classes);
    for (int i = 0; i < classes.size(); i++) {
      classIndex.put(classes.get(i), i);
    }
    this.tables = Map.copyOf(tables);
    this.tables.forEach((id, t) -> gainTables.put(id, InformationGain.Outcomes.of(t.prob())));
    this.logPrior = logPrior;
    this.logAge = logAge;
    this.logSex = logSex;
  }

  /** One training patient: its condition, sex, age and its truthful answers to every applicable question. */
  public record Example(String condition, Sex sex, Optional<Double> age, Map<String, Answer> answers) {
  }

  /**
   * Fits the tables. {@code possible} maps a condition to the questions it can show (empty map: all); a
   * question outside a condition's list gets {@code smoothing.impossible()} for every non-absent answer.
   */
  public static AnswerModel fit(List<Question> questions, List<Example> examples, Map<String, Set<String>> possible,
                                Smoothing smoothing) {
    List<String> classes = examples.stream().map(Example::condition).distinct().sorted().toList();
    Map<String, Integer> ci = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      ci.put(classes.get(i), i);
    }
    int nc = classes.size();
    double[] prior = new double[nc];
    double[][] age = new double[AGE_BANDS.length + 1][nc];
    double[][] sex = new double[2][nc];
    for (Example e : examples) {
      int c = ci.get(e.condition());
      prior[c]++;
      e.age().ifPresent(a -> age[ageBand(a)][c]++);
      if (e.sex() == Sex.MALE || e.sex() == Sex.FEMALE) {
        sex[e.sex() == Sex.MALE ? 1 : 0][c]++;
      }
    }
    double[] logPrior = new double[nc];
    double total = Arrays.stream(prior).sum();
    for (int c = 0; c < nc; c++) {
      logPrior[c] = Math.log((prior[c] + 1) / (total + nc));
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Question q : questions) {
      tables.put(q.id(), table(q, examples, ci, possible, smoothing));
    }
    return new AnswerModel(classes, tables, logPrior, normalisedLogs(age, 1.0), normalisedLogs(sex, 1.0));
  }

  private static double[][] normalisedLogs(double[][] counts, double pseudo) {
    int nc = counts[0].length;
    double[][] out = new double[counts.length][nc];
    for (int c = 0; c < nc; c++) {
      double sum = 0;
      for (double[] row : counts) {
        sum += row[c] + pseudo;
      }
      for (int r = 0; r < counts.length; r++) {
        out[r][c] = Math.log((counts[r][c] + pseudo) / sum);
      }
    }
    return out;
  }

  static int ageBand(double years) {
    int band = 0;
    while (band < AGE_BANDS.length && years >= AGE_BANDS[band]) {
      band++;
    }
    return band;
  }

  private static Table table(Question q, List<Example> examples, Map<String, Integer> ci,
                             Map<String, Set<String>> possible, Smoothing s) {
    int nc = ci.size();
    List<String> values = q.options().stream().map(Option::id).toList();
    Map<String, Integer> vi = new HashMap<>();
    for (int v = 0; v < values.size(); v++) {
      vi.put(values.get(v), v);
    }
    int absent = vi.getOrDefault(q.absentValue(), -1);
    double[][] counts = new double[values.size()][nc];
    double[] n = new double[nc];
    Map<Set<String>, Integer> seenSets = new LinkedHashMap<>();
    for (Example e : examples) {
      Answer a = e.answers().get(q.id());
      if (a == null || a.isUnknown()) {
        continue;
      }
      int c = ci.get(e.condition());
      n[c]++;
      for (String v : a.values()) {
        Integer idx = vi.get(v);
        if (idx != null) {
          counts[idx][c]++;
        }
      }
      if (q.kind() == QuestionKind.MULTI) {
        seenSets.merge(a.values(), 1, Integer::sum);
      }
    }
    boolean[] can = new boolean[nc];
    for (Map.Entry<String, Integer> e : ci.entrySet()) {
      Set<String> list = possible.get(e.getKey());
      can[e.getValue()] = list == null || list.contains(q.id()) || q.parent().map(list::contains).orElse(false);
    }
    if (q.kind() == QuestionKind.MULTI) {
      return multiTable(q, values, vi, absent, counts, n, can, seenSets, s);
    }
    if (ordinal(values)) {
      counts = neighbours(counts, s.ordinalSpread());
    }
    double[][] prob = new double[values.size()][nc];
    for (int c = 0; c < nc; c++) {
      for (int v = 0; v < values.size(); v++) {
        if (can[c]) {
          prob[v][c] = (counts[v][c] + s.pseudoCount() / values.size()) / (n[c] + s.pseudoCount());
        } else {
          prob[v][c] = v == absent ? 1 - s.impossible() : s.impossible() / Math.max(1, values.size() - 1);
        }
      }
    }
    List<Set<String>> outcomes = values.stream().map(Set::of).toList();
    return new Table(q, outcomes, prob, logs(prob), vi, null, null, null);
  }

  private static Table multiTable(Question q, List<String> values, Map<String, Integer> vi, int absent, double[][] counts,
                                  double[] n, boolean[] can, Map<Set<String>, Integer> seenSets, Smoothing s) {
    int nc = n.length;
    double[][] logIn = new double[values.size()][nc];
    double[][] logOut = new double[values.size()][nc];
    double[] logAbsent = new double[nc];
    for (int c = 0; c < nc; c++) {
      for (int v = 0; v < values.size(); v++) {
        if (v == absent) {
          continue;
        }
        double p = can[c] ? (counts[v][c] + s.perValue(values.size())) / (n[c] + s.pseudoCount() + 2 * s.perValue(values.size()))
            : s.impossible() / values.size();
        logIn[v][c] = Math.log(p);
        logOut[v][c] = Math.log1p(-p);
        logAbsent[c] += logOut[v][c];
      }
    }
    List<Set<String>> outcomes = new ArrayList<>();
    outcomes.add(Set.of(q.absentValue()));
    seenSets.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey)
        .filter(set -> !set.equals(Set.of(q.absentValue()))).limit(150).forEach(outcomes::add);
    double[][] logProb = new double[outcomes.size()][nc];
    double[][] prob = new double[outcomes.size()][nc];
    Table partial = new Table(q, outcomes, null, null, vi, logIn, logOut, logAbsent);
    for (int c = 0; c < nc; c++) {
      double norm = Double.NEGATIVE_INFINITY;
      for (int o = 0; o < outcomes.size(); o++) {
        logProb[o][c] = multiLog(partial, outcomes.get(o), c, absent);
        norm = logAdd(norm, logProb[o][c]);
      }
      for (int o = 0; o < outcomes.size(); o++) {
        prob[o][c] = Math.exp(logProb[o][c] - norm);
      }
    }
    return new Table(q, outcomes, prob, logs(prob), vi, logIn, logOut, logAbsent);
  }

  private static double multiLog(Table t, Set<String> set, int c, int absent) {
    double sum = t.logAbsent()[c];
    for (String v : set) {
      Integer idx = t.valueIndex().get(v);
      if (idx != null && idx != absent) {
        sum += t.logIn()[idx][c] - t.logOut()[idx][c];
      }
    }
    return sum;
  }

  static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    double m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }

  private static double[][] logs(double[][] p) {
    double[][] out = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      out[i] = new double[p[i].length];
      for (int j = 0; j < p[i].length; j++) {
        out[i][j] = Math.log(p[i][j]);
      }
    }
    return out;
  }

  public List<String> classes() {
    return classes;
  }

  public int classIndex(String condition) {
    return classIndex.getOrDefault(condition, -1);
  }

  /** The log-posterior (unnormalised) of every condition given demographics and answers. */
  public double[] logPosterior(Sex sex, Optional<Double> age, Map<String, Answer> answers) {
    double[] out = logPrior.clone();
    age.ifPresent(a -> add(out, logAge[ageBand(a)]));
    if (sex == Sex.MALE || sex == Sex.FEMALE) {
      add(out, logSex[sex == Sex.MALE ? 1 : 0]);
    }
    for (Answer a : answers.values()) {
      Table t = tables.get(a.question());
      if (t == null || a.isUnknown()) {
        continue;
      }
      if (t.logIn() != null) {
        int absent = t.valueIndex().getOrDefault(t.question().absentValue(), -1);
        for (int c = 0; c < out.length; c++) {
          out[c] += multiLog(t, a.values(), c, absent);
        }
      } else {
        Integer idx = t.valueIndex().get(a.values().iterator().next());
        if (idx != null) {
          add(out, t.logProb()[idx]);
        }
      }
    }
    return out;
  }

  private static void add(double[] target, double[] row) {
    for (int i = 0; i < target.length; i++) {
      target[i] += row[i];
    }
  }

  /** P(outcome | condition) rows of a question (outcomes × conditions), for the expected gain. */
  public double[][] outcomeProbabilities(String question) {
    Table t = tables.get(question);
    return t == null ? null : t.prob();
  }

  /** The same table ready for {@link InformationGain#gain(InformationGain.Start, InformationGain.Outcomes)}; null when not asked. */
  public InformationGain.Outcomes gainOutcomes(String question) {
    return gainTables.get(question);
  }

  /** The outcomes (value sets) of a question, in the order of {@link #outcomeProbabilities} rows. */
  public List<Set<String>> outcomes(String question) {
    Table t = tables.get(question);
    return t == null ? null : t.outcomes();
  }

  /** Softmax of log scores. */
  public static double[] normalise(double[] logScores) {
    double[] p = logScores.clone();
    Softmax.inPlace(p);
    return p;
  }
}
