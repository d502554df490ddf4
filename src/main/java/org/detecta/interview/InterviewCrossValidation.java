package org.detecta.interview;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.PatientCase;
import org.detecta.pipeline.GroupSplit;

/**
 * Tuning harness for the DDXPlus interviewer that never reads the test split: simulated best-policy
 * interviews either on the validation split (fitted on train) or by stratified K-fold cross-validation over
 * train + validation (the rows are de-duplicated, so every identical-row group is one row and stays in one
 * fold). Prints one JSON line: the settings, the pooled contract summary (budgets 0,3,5,10,20; stop at the
 * threshold within 30 questions) and the full-evidence top-1 (every answer known).
 *
 * <pre>java -cp target/detecta.jar org.detecta.interview.InterviewCrossValidation --data ../shared/data --folds 5 [--blend 0.5 ...]</pre>
 */
public final class InterviewCrossValidation {
  static final List<Integer> BUDGETS = List.of(0, 3, 5, 10, 20);
  static final int STOP_BUDGET = 30;

  private InterviewCrossValidation() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path data = Path.of(a.getOrDefault("data", "../shared/data"));
    long seed = Long.parseLong(a.getOrDefault("seed", "42"));
    int folds = Integer.parseInt(a.getOrDefault("folds", "5"));
    double threshold = Double.parseDouble(a.getOrDefault("stop", "0.9"));
    int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
    DdxplusInterview.Settings settings = settings(a);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("settings", settings.toString());
    line.put("protocol", folds > 1 ? folds + "-fold CV over train+validation" : "fit on train, interview validation");
    line.putAll(run(data, seed, folds, settings, threshold, threads));
    System.out.println(new ObjectMapper().writeValueAsString(line));
  }

  static DdxplusInterview.Settings settings(Map<String, String> a) {
    DdxplusInterview.Settings d = DdxplusInterview.Settings.defaults();
    MaskedClassifier.Settings c = d.classifier();
    AnswerModel.Smoothing s = d.smoothing();
    return new DdxplusInterview.Settings(
        new AnswerModel.Smoothing(num(a, "pseudo", s.pseudoCount()), num(a, "impossible", s.impossible()), num(a, "ordinal", s.ordinalSpread()), num(a, "multi", s.multiValue())),
        num(a, "choice", d.choiceTemperature()), num(a, "blend", d.blend()), num(a, "temp", d.temperature()),
        new MaskedClassifier.Settings((int) num(a, "epochs", c.epochs()), (int) num(a, "states", c.states()), num(a, "rate", c.rate()),
            num(a, "l2", c.l2()), num(a, "full", c.full()), num(a, "present", c.present()), (int) num(a, "maxAsked", c.maxAsked())), num(a, "confidence", d.confidenceWeight()),
        new Lookahead((int) num(a, "width", d.lookahead().width()), (int) num(a, "pool", d.lookahead().pool()),
            (int) num(a, "outcomes", d.lookahead().outcomes()), (int) num(a, "after", d.lookahead().after()),
            (int) num(a, "focus", d.lookahead().focus())),
        new EarlyChoice(num(a, "earlyTemp", d.early().temperature()), (int) num(a, "earlyUntil", d.early().untilAnswers())));
  }

  private static double num(Map<String, String> a, String key, double fallback) {
    return a.containsKey(key) ? Double.parseDouble(a.get(key)) : fallback;
  }

  /** Pooled summary over the folds (folds ≤ 1: train → validation). */
  static Map<String, Object> run(Path data, long seed, int folds, DdxplusInterview.Settings settings, double threshold,
                                 int threads) throws Exception {
    Path dir = data.resolve("ddxplus");
    DdxplusQuestions questions = DdxplusQuestions.load(dir);
    Map<String, Set<String>> possible = DdxplusInterview.possibleEvidences(dir);
    List<List<PatientCase>> parts = DdxplusInterview.split(data, seed);
    Map<String, DdxplusPatient> rows = new HashMap<>();
    for (DdxplusPatient p : new DdxplusReader().readPatients(dir.resolve("patients.csv")).patients()) {
      rows.putIfAbsent(DdxplusInterview.key(p.patient()), p);
    }
    List<List<PatientCase>> train = new ArrayList<>();
    List<List<PatientCase>> held = new ArrayList<>();
    if (folds <= 1) {
      train.add(parts.get(GroupSplit.TRAIN));
      held.add(parts.get(GroupSplit.VALIDATION));
    } else {
      List<PatientCase> pool = new ArrayList<>(parts.get(GroupSplit.TRAIN));
      pool.addAll(parts.get(GroupSplit.VALIDATION));
      int[] fold = stratifiedFolds(pool, folds, seed);
      for (int f = 0; f < folds; f++) {
        List<PatientCase> in = new ArrayList<>();
        List<PatientCase> out = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
          (fold[i] == f ? out : in).add(pool.get(i));
        }
        train.add(in);
        held.add(out);
      }
    }
    List<InterviewSimulator.Trace> traces = new ArrayList<>();
    int fullRight = 0;
    int n = 0;
    for (int f = 0; f < train.size(); f++) {
      List<AnswerModel.Example> examples = train.get(f).stream().map(c -> DdxplusInterview.example(questions, c)).toList();
      TabularInterviewer interviewer = DdxplusInterview.interviewer(questions, examples, possible, settings, seed);
      List<DdxplusPatient> heldRows = held.get(f).stream().map(c -> rows.get(DdxplusInterview.key(c))).toList();
      List<InterviewSimulator.Patient> patients = DdxplusInterview.patients(questions, heldRows);
      List<InterviewSimulator.Trace> foldTraces = new InterviewSimulator(interviewer, InterviewSimulator.Policy.BEST, seed + f)
          .runAll(patients, STOP_BUDGET, threads);
      traces.addAll(foldTraces);
      for (PatientCase c : held.get(f)) {
        var top = interviewer.differential(new InterviewState(c.sex(), c.ageYears(), questions.truth(c.observed())), 1);
        boolean right = !top.isEmpty() && c.diagnoses().contains(top.get(0).id());
        fullRight += right ? 1 : 0;
        n++;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>(InterviewSummary.of(traces, BUDGETS, threshold, STOP_BUDGET).asMap("best"));
    out.put("fullEvidenceTop1", fullRight / (double) n);
    out.put("errorsAfter10", traces.stream().filter(t -> t.rankAfter(10) != 1).count());
    Calibration calibration = Calibration.of(traces, 10, 10, threshold, STOP_BUDGET);
    out.put("ece10", calibration.ece());
    out.put("stopMeanProbability", calibration.stopProbability());
    return out;
  }

  /** Fold of each case: per diagnosis, shuffled with the seed and dealt round-robin. */
  static int[] stratifiedFolds(List<PatientCase> cases, int folds, long seed) {
    Map<String, List<Integer>> byClass = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      byClass.computeIfAbsent(cases.get(i).diagnoses().get(0), k -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    int[] fold = new int[cases.size()];
    int next = 0;
    for (List<Integer> members : byClass.values()) {
      Collections.shuffle(members, random);
      for (int i : members) {
        fold[i] = next++ % folds;
      }
    }
    return fold;
  }
}
