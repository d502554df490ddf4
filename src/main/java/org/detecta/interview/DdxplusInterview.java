package org.detecta.interview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.PatientCase;
import org.detecta.pipeline.CommonSource;
import org.detecta.pipeline.CommonTrainer;
import org.detecta.pipeline.DdxplusSource;
import org.detecta.pipeline.GroupSplit;

/**
 * Builds the DDXPlus interviewer of a trained {@code ddxplus} model: the same seeded, de-duplicated,
 * stratified split as {@link CommonTrainer#split} (the model's training seed), the answer model fitted on
 * its train and validation rows only (as the released classifier), the test rows kept aside. Fitting takes
 * well under a second, so it is done when the model is loaded rather than stored in the artifact.
 */
public final class DdxplusInterview {
  /**
   * Gains are computed on the posterior flattened by this temperature: naive Bayes is overconfident, and a
   * flatter differential keeps asking about the runners-up. Chosen on the validation split (fit on train):
   * after 10 questions top-1 0.984 at 1, 0.995 at 2, 0.989 at 3 (docs/INTERVIEW.md).
   */
  public static final double CHOICE_TEMPERATURE = 2.0;
  /**
   * The first two questions (while fewer than 3 answers are known: the initial evidence and one more) are chosen
   * at temperature 12 instead. 5-fold CV over train+validation, top-1 after 3 / 5 questions: 0.899 / 0.956 → 0.923 /
   * 0.968 (fold seed 42), 0.893 / 0.955 → 0.921 / 0.968 (seed 7); after 10 within two patients; mean questions at
   * the stop 2.79 → 2.67 (docs/INTERVIEW.md).
   */
  public static final EarlyChoice EARLY_CHOICE = new EarlyChoice(12.0, 3);
  /**
   * From the sixth known answer on, the 8 best one-step questions are re-ranked by a two-step gain (second
   * step among the 30 best, over each question's 8 likeliest outcomes). 5-fold CV over train+validation,
   * errors after 10 questions of 1,640: 27 → 18 (fold seed 42), 24 → 18 (seed 7), after 3 / 5 and the stop
   * unchanged; from the first question on it cost 0.899 → 0.871 after 3 and 2.60 → 2.83 questions at the stop
   * (docs/INTERVIEW.md).
   */
  public static final Lookahead LOOKAHEAD = new Lookahead(8, 30, 8, 6, 0);
  /**
   * The reported differential is the naive-Bayes posterior at this temperature, so the stopping threshold reads
   * calibrated probabilities. 5-fold CV over train+validation (fold seed 42): expected calibration error of the
   * top probability over the states after 0–10 questions 0.0102 at 1 → 0.0047 at 1.1; at the stop (0.9) the mean top
   * probability 0.977 promised 0.967 top-1 at 1, 0.975 gives 0.974 at 1.1, for 2.60 → 2.78 questions (docs/INTERVIEW.md).
   */
  public static final double REPORT_TEMPERATURE = 1.1;
  private DdxplusInterview() {
  }

  /** The interviewer and the keys of the rows it was fitted on (to refuse evaluating on them). */
  public record Built(TabularInterviewer interviewer, DdxplusQuestions questions, Set<String> trainingKeys,
                      List<PatientCase> test) {
  }

  /**
   * How the interviewer is made: the answer model's smoothing, the choice temperature, the scores
   * {@code (1 − blend)·log P_naiveBayes + blend·log P_classifier} with the masked classifier's training settings
   * (blend 0: the answer model alone, no classifier is fitted), and the temperature of the reported differential
   * (its calibration, {@link #REPORT_TEMPERATURE}; gains are computed at the choice temperature on the raw scores).
   */
  public record Settings(AnswerModel.Smoothing smoothing, double choiceTemperature, double blend, double temperature,
                         MaskedClassifier.Settings classifier, double confidenceWeight, Lookahead lookahead,
                         EarlyChoice early) {
    public static Settings defaults() {
      return new Settings(AnswerModel.Smoothing.defaults(), CHOICE_TEMPERATURE, 0.0, REPORT_TEMPERATURE,
          MaskedClassifier.Settings.defaults(), 0.0,
          LOOKAHEAD, EARLY_CHOICE);
    }
  }

  public static Built build(Path dataDir, long seed) throws IOException {
    return build(dataDir, seed, Settings.defaults(), List.of(GroupSplit.TRAIN, GroupSplit.VALIDATION));
  }

  /** As {@link #build(Path, long)}, fitting on the listed split parts with the given settings (for tuning). */
  public static Built build(Path dataDir, long seed, Settings settings, List<Integer> fitOn) throws IOException {
    Path dir = dataDir.resolve("ddxplus");
    DdxplusQuestions questions = DdxplusQuestions.load(dir);
    List<List<PatientCase>> parts = split(dataDir, seed);
    List<AnswerModel.Example> examples = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int part : fitOn) {
      for (PatientCase c : parts.get(part)) {
        examples.add(example(questions, c));
        keys.add(key(c));
      }
    }
    TabularInterviewer interviewer = interviewer(questions, examples, possibleEvidences(dir), settings, seed);
    return new Built(interviewer, questions, Set.copyOf(keys), parts.get(GroupSplit.TEST));
  }

  /** The model's seeded, de-duplicated, stratified train / validation / test split. */
  static List<List<PatientCase>> split(Path dataDir, long seed) throws IOException {
    CommonSource.Prepared prepared = new DdxplusSource().prepare(dataDir);
    return CommonTrainer.split(prepared, seed);
  }

  static AnswerModel.Example example(DdxplusQuestions questions, PatientCase c) {
    return new AnswerModel.Example(c.diagnoses().get(0), c.sex(), c.ageYears(), questions.truth(c.observed()));
  }

  /** Fits the answer model (and, when blended, the masked classifier) on the examples. */
  static TabularInterviewer interviewer(DdxplusQuestions questions, List<AnswerModel.Example> examples,
                                        Map<String, Set<String>> possible, Settings settings, long seed) {
    AnswerModel model = AnswerModel.fit(questions.all(), examples, possible, settings.smoothing());
    double w = settings.blend();
    TabularInterviewer.Tuning tuning = new TabularInterviewer.Tuning(settings.choiceTemperature(), settings.confidenceWeight(),
        settings.lookahead(), settings.temperature(), settings.early());
    if (w <= 0) {
      return new TabularInterviewer(questions, model, s -> model.logPosterior(s.sex(), s.age(), s.answers()), tuning);
    }
    MaskedClassifier classifier = MaskedClassifier.fit(questions, model.classes(), examples, settings.classifier(), seed);
    TabularInterviewer.Scorer blend = s -> {
      double[] nb = model.logPosterior(s.sex(), s.age(), s.answers());
      double[] lr = classifier.logPosterior(s.sex(), s.age(), s.answers());
      for (int i = 0; i < nb.length; i++) {
        nb[i] = (1 - w) * nb[i] + w * lr[i];
      }
      return nb;
    };
    return new TabularInterviewer(questions, model, blend, tuning);
  }

  /** Condition name → the evidences (symptoms and antecedents) the release says it can show. */
  static Map<String, Set<String>> possibleEvidences(Path dir) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve(DdxplusCatalog.CONDITIONS_FILE)));
    Map<String, Set<String>> out = new HashMap<>();
    root.fields().forEachRemaining(e -> {
      Set<String> ids = new HashSet<>();
      e.getValue().path("symptoms").fieldNames().forEachRemaining(ids::add);
      e.getValue().path("antecedents").fieldNames().forEachRemaining(ids::add);
      out.put(e.getValue().path("cond-name-eng").asText(e.getKey()), Set.copyOf(ids));
    });
    return out;
  }

  /** Identity of a patient row: diagnosis, sex, age and its sorted evidence tokens. */
  public static String key(PatientCase c) {
    return c.diagnoses() + "|" + c.sex() + "|" + c.ageYears().orElse(-1.0) + "|" + new java.util.TreeSet<>(c.observed());
  }

  /**
   * Simulated patients: each starts with its age, sex and initial evidence only, and answers every question
   * truthfully from its own evidence list (the default value, or "no", when the evidence is not listed).
   */
  public static List<InterviewSimulator.Patient> patients(DdxplusQuestions questions, List<org.detecta.cases.DdxplusPatient> rows) {
    List<InterviewSimulator.Patient> out = new ArrayList<>();
    for (org.detecta.cases.DdxplusPatient row : rows) {
      PatientCase c = row.patient();
      Map<String, Answer> truth = questions.truth(c.observed());
      Map<String, Answer> start = new java.util.LinkedHashMap<>();
      String initial = row.initialEvidence();
      if (!initial.isEmpty() && truth.containsKey(initial)) {
        start.put(initial, truth.get(initial));
      }
      InterviewSimulator.Oracle oracle = q -> truth.getOrDefault(q.id(), new Answer(q.id(), Set.of(q.absentValue())));
      out.add(new InterviewSimulator.Patient(c.id(), new InterviewState(c.sex(), c.ageYears(), start), oracle, c.diagnoses()));
    }
    return out;
  }
}
