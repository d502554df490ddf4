package org.detecta.interview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.detecta.cases.DdxplusCatalog;

/**
 * The DDXPlus evidences as questions: one question per evidence ({@code E_55} "where is the pain?" is one
 * multi-choice question, not 165 yes/no ones), the {@code code_question} parent structure (a child is asked
 * only after its parent was answered yes; a "no" to the parent settles it), English texts from the release
 * and Spanish texts from the reviewed resource {@code ddxplus-questions-es.tsv}. Also turns evidence tokens
 * into answers and checks answers sent by a client.
 */
public final class DdxplusQuestions implements QuestionBank {
  static final String SPANISH = "/org/detecta/interview/ddxplus-questions-es.tsv";
  private final Map<String, Question> questions;
  private final Map<String, List<String>> children;
  private final Map<String, String> spanishNames;

  public DdxplusQuestions(Collection<Question> questions) {
    this(questions, Map.of());
  }

  /** With the Spanish names of the conditions (English name → Spanish name). */
  public DdxplusQuestions(Collection<Question> questions, Map<String, String> spanishNames) {
    this.spanishNames = Map.copyOf(spanishNames);
    Map<String, Question> byId = new LinkedHashMap<>();
    questions.forEach(q -> byId.put(q.id(), q));
    this.questions = java.util.Collections.unmodifiableMap(byId);
    Map<String, List<String>> kids = new HashMap<>();
    for (Question q : questions) {
      q.parent().ifPresent(p -> kids.computeIfAbsent(p, k -> new ArrayList<>()).add(q.id()));
    }
    this.children = Map.copyOf(kids);
  }

  /** Reads {@code release_evidences.json} of a DDXPlus directory (and the Spanish texts on the class path). */
  public static DdxplusQuestions load(Path ddxplusDir) throws IOException {
    DdxplusCatalog catalog = DdxplusCatalog.load(ddxplusDir);
    JsonNode raw = new ObjectMapper().readTree(Files.readAllBytes(ddxplusDir.resolve(DdxplusCatalog.EVIDENCES_FILE)));
    Map<String, String> spanish = spanishTexts();
    List<Question> out = new ArrayList<>();
    for (DdxplusCatalog.Evidence e : catalog.evidences().values()) {
      String code = raw.path(e.id()).path("code_question").asText(e.id());
      Optional<String> parent = code.isEmpty() || code.equals(e.id()) ? Optional.empty() : Optional.of(code);
      QuestionKind kind = e.type() == 'B' ? QuestionKind.BINARY : e.type() == 'M' ? QuestionKind.MULTI : QuestionKind.CATEGORICAL;
      List<Option> options = new ArrayList<>();
      if (kind == QuestionKind.BINARY) {
        options.addAll(Question.YES_NO);
      } else {
        for (String v : e.values()) {
          String en = e.valueMeaningEn().getOrDefault(v, v);
          options.add(new Option(v, en, e.numeric() ? v : spanish.getOrDefault(v, en)));
        }
      }
      String absent = kind == QuestionKind.BINARY ? Question.NO : e.defaultValue();
      out.add(new Question(e.id(), kind, parent, e.questionEn(), spanish.getOrDefault(e.id(), e.questionEn()), options, absent));
    }
    return new DdxplusQuestions(out, spanish);
  }

  @Override
  public String diseaseName(String id, String name, String lang) {
    return "es".equals(lang) ? spanishNames.getOrDefault(id, name) : name;
  }

  /** {@code id<TAB>spanish text} rows: evidence ids (questions) and value ids (options); # starts a comment. */
  static Map<String, String> spanishTexts() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = DdxplusQuestions.class.getResourceAsStream(SPANISH)) {
      if (in == null) {
        return out;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length >= 2) {
          out.put(cells[0].trim(), cells[cells.length - 1].trim());
        }
      }
    }
    return out;
  }

  @Override
  public Optional<Question> find(String id) {
    return Optional.ofNullable(questions.get(id));
  }

  @Override
  public List<Question> all() {
    return List.copyOf(questions.values());
  }

  public List<String> children(String id) {
    return children.getOrDefault(id, List.of());
  }

  /**
   * True when the question may be asked now: not answered, and its parent (if any) answered yes, or, for a
   * multi-choice / categorical parent (none in DDXPlus), answered with a value other than its absent value.
   */
  @Override
  public boolean allowed(Question q, Map<String, Answer> answers) {
    if (answers.containsKey(q.id())) {
      return false;
    }
    return q.parent().map(p -> present(answers.get(p))).orElse(true);
  }

  private boolean present(Answer a) {
    if (a == null || a.isUnknown()) {
      return false;
    }
    Question q = questions.get(a.question());
    return !a.values().equals(Set.of(q.absentValue()));
  }

  /**
   * The answers that evidence tokens imply: {@code E_91} → yes, {@code E_55_@_V_29} → V_29 in E_55's set,
   * {@code E_56_@_7} → 7; excluded binary ids → no. A child token implies its parent's yes.
   * Unknown tokens and bad values are reported, not guessed.
   */
  public Map<String, Answer> fromTokens(Collection<String> observed, Collection<String> excluded, List<AnswerProblem> problems) {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (String token : observed) {
      String id = DdxplusCatalog.evidenceOf(token);
      Question q = questions.get(id);
      if (q == null) {
        problems.add(new AnswerProblem(id, token, "unknown evidence " + id));
        continue;
      }
      String value = q.kind() == QuestionKind.BINARY ? Question.YES : DdxplusCatalog.valueOf(token);
      if (q.kind() != QuestionKind.BINARY && !q.hasOption(value)) {
        problems.add(new AnswerProblem(id, token, "'" + value + "' is not an option of " + id));
        continue;
      }
      values.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(value);
      q.parent().ifPresent(p -> values.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(Question.YES));
    }
    for (String token : excluded) {
      Question q = questions.get(token);
      if (q == null || q.kind() != QuestionKind.BINARY) {
        problems.add(new AnswerProblem(token, token, q == null ? "unknown evidence " + token : token + " is not a yes/no evidence"));
        continue;
      }
      values.computeIfAbsent(token, k -> new LinkedHashSet<>()).add(Question.NO);
    }
    Map<String, Answer> out = new LinkedHashMap<>();
    values.forEach((id, set) -> out.put(id, new Answer(id, set)));
    return out;
  }

  /**
   * The truthful answer of a patient with these evidence tokens to every question that applies to them
   * (parent answered yes): the values listed, else the evidence's default value ("no" for yes/no ones).
   */
  public Map<String, Answer> truth(Collection<String> tokens) {
    Map<String, Set<String>> listed = new HashMap<>();
    for (String token : tokens) {
      Question q = questions.get(DdxplusCatalog.evidenceOf(token));
      if (q != null) {
        listed.computeIfAbsent(q.id(), k -> new LinkedHashSet<>())
            .add(q.kind() == QuestionKind.BINARY ? Question.YES : DdxplusCatalog.valueOf(token));
      }
    }
    Map<String, Answer> out = new LinkedHashMap<>();
    for (Question q : questions.values()) {
      if (q.parent().isEmpty()) {
        out.put(q.id(), new Answer(q.id(), listed.getOrDefault(q.id(), Set.of(q.absentValue()))));
      }
    }
    for (Question q : questions.values()) {
      if (q.parent().isPresent() && present(out.get(q.parent().get()))) {
        Set<String> set = new LinkedHashSet<>(listed.getOrDefault(q.id(), Set.of(q.absentValue())));
        if (set.size() > 1) {
          set.remove(q.absentValue());
        }
        if (q.kind() == QuestionKind.CATEGORICAL && set.size() > 1) {
          set = Set.of(set.iterator().next());
        }
        out.put(q.id(), new Answer(q.id(), set));
      }
    }
    return out;
  }

  /**
   * Every problem with answers sent by a client: unknown question, a value that is not an option, several
   * values for a one-value question, "absent" mixed with values, a child answered without its parent
   * answered yes, a child answered although its parent was answered no.
   */
  @Override
  public List<AnswerProblem> problems(Map<String, Answer> answers) {
    List<AnswerProblem> out = new ArrayList<>();
    for (Answer a : answers.values()) {
      Question q = questions.get(a.question());
      String shown = String.join(",", a.values());
      if (q == null) {
        out.add(new AnswerProblem(a.question(), shown, "unknown evidence " + a.question()));
        continue;
      }
      for (String v : a.values()) {
        if (!q.hasOption(v)) {
          out.add(new AnswerProblem(q.id(), v, "'" + v + "' is not an option of " + q.id() + " (options: "
              + String.join(", ", q.options().stream().map(Option::id).limit(12).toList())
              + (q.options().size() > 12 ? ", ..." : "") + ")"));
        }
      }
      if (q.kind() != QuestionKind.MULTI && a.values().size() > 1) {
        out.add(new AnswerProblem(q.id(), shown, "contradictory answers: " + q.id() + " takes one value"));
      }
      if (q.kind() == QuestionKind.MULTI && a.values().size() > 1 && a.values().contains(q.absentValue())) {
        out.add(new AnswerProblem(q.id(), shown, "contradictory answers: '" + q.absentValue() + "' cannot be combined with other values"));
      }
      if (q.parent().isPresent()) {
        Answer parent = answers.get(q.parent().get());
        if (parent != null && !parent.isUnknown() && !present(parent) && !a.isUnknown()) {
          out.add(new AnswerProblem(q.id(), shown, "contradictory answers: its parent " + q.parent().get() + " was answered no"));
        } else if (parent == null || parent.isUnknown()) {
          out.add(new AnswerProblem(q.id(), shown, "answered without its parent " + q.parent().get() + " answered yes"));
        }
      }
    }
    return out;
  }
}
