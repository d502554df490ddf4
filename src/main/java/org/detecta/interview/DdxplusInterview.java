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
  private DdxplusInterview() {
  }

  /** The interviewer and the keys of the rows it was fitted on (to refuse evaluating on them). */
  public record Built(TabularInterviewer interviewer, DdxplusQuestions questions, Set<String> trainingKeys,
                      List<PatientCase> test) {
  }

  public static Built build(Path dataDir, long seed) throws IOException {
    return build(dataDir, seed, AnswerModel.Smoothing.defaults(), CHOICE_TEMPERATURE, List.of(GroupSplit.TRAIN, GroupSplit.VALIDATION));
  }

  /** As {@link #build(Path, long)}, fitting on the listed split parts with the given smoothing (for tuning). */
  public static Built build(Path dataDir, long seed, AnswerModel.Smoothing smoothing, double choiceTemperature,
                            List<Integer> fitOn) throws IOException {
    Path dir = dataDir.resolve("ddxplus");
    DdxplusQuestions questions = DdxplusQuestions.load(dir);
    CommonSource.Prepared prepared = new DdxplusSource().prepare(dataDir);
    List<List<PatientCase>> parts = CommonTrainer.split(prepared, seed);
    List<AnswerModel.Example> examples = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int part : fitOn) {
      for (PatientCase c : parts.get(part)) {
        examples.add(new AnswerModel.Example(c.diagnoses().get(0), c.sex(), c.ageYears(), questions.truth(c.observed())));
        keys.add(key(c));
      }
    }
    AnswerModel model = AnswerModel.fit(questions.all(), examples, possibleEvidences(dir), smoothing);
    return new Built(new TabularInterviewer(questions, model, choiceTemperature), questions, Set.copyOf(keys), parts.get(GroupSplit.TEST));
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
