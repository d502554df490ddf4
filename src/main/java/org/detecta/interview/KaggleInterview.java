package org.detecta.interview;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.detecta.cases.PatientCase;
import org.detecta.pipeline.CommonSource;
import org.detecta.pipeline.CommonTrainer;
import org.detecta.pipeline.GroupSplit;
import org.detecta.pipeline.KaggleSymptomSource;
import org.detecta.text.SpanishLabels;

/**
 * The interviewer of the {@code kaggle-symptoms} model: one yes/no question per symptom (no parents), the
 * answer model fitted on the train + validation rows of the model's own de-duplicated split. Spanish text: the
 * official Spanish label of the symptom's reviewed HPO mapping ({@code common-findings-hpo.tsv}) when it has
 * one, else the English symptom name.
 */
public final class KaggleInterview {
  static final String MAPPING = "/org/detecta/mapping/common-findings-hpo.tsv";

  private KaggleInterview() {
  }

  public static TabularInterviewer build(Path dataDir, long seed, SpanishLabels spanish) throws IOException {
    CommonSource.Prepared prepared = new KaggleSymptomSource().prepare(dataDir);
    Map<String, String> hpo = mapping();
    List<Question> questions = new ArrayList<>();
    for (String symptom : prepared.space().tokens()) {
      String words = symptom.replace('_', ' ').trim();
      String es = Optional.ofNullable(hpo.get(symptom)).flatMap(spanish::label).orElse(words);
      questions.add(new Question(symptom, QuestionKind.BINARY, Optional.empty(), "Do you have " + words + "?",
          "¿Tiene " + es.toLowerCase(new Locale("es")) + "?", Question.YES_NO, Question.NO));
    }
    DdxplusQuestions bank = new DdxplusQuestions(questions);
    List<List<PatientCase>> parts = CommonTrainer.split(prepared, seed);
    List<AnswerModel.Example> examples = new ArrayList<>();
    for (int part : List.of(GroupSplit.TRAIN, GroupSplit.VALIDATION)) {
      for (PatientCase c : parts.get(part)) {
        examples.add(new AnswerModel.Example(c.diagnoses().get(0), c.sex(), c.ageYears(), bank.truth(c.observed())));
      }
    }
    return new TabularInterviewer(bank, AnswerModel.fit(questions, examples, Map.of(), AnswerModel.Smoothing.defaults()));
  }

  /** Kaggle symptom name → reviewed HPO id. */
  static Map<String, String> mapping() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = KaggleInterview.class.getResourceAsStream(MAPPING)) {
      if (in == null) {
        return out;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String[] cells = line.split("\t");
        if (cells.length >= 4 && cells[0].startsWith("kaggle") && cells[3].startsWith("HP:")) {
          out.put(cells[1], cells[3]);
        }
      }
    }
    return out;
  }
}
