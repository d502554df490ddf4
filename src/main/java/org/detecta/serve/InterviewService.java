package org.detecta.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.detecta.cases.Sex;
import org.detecta.diagnosis.Candidate;
import org.detecta.interview.Answer;
import org.detecta.interview.AnswerProblem;
import org.detecta.interview.DdxplusQuestions;
import org.detecta.interview.HpoInterview;
import org.detecta.interview.InterviewState;
import org.detecta.interview.Interviewer;
import org.detecta.interview.RankedQuestion;
import org.detecta.rank.RareEngine;

/**
 * One interview step, statelessly: the client sends every finding and answer it has; this rebuilds the
 * state, checks it (unknown question, value not among the options, child without its parent, contradiction
 * → 422 naming each), and returns the differential, the next best question and whether to stop. Nothing is
 * stored. Also proposes the next questions of a plain diagnosis.
 */
public final class InterviewService {
  private static final Pattern EVIDENCE_TOKEN = Pattern.compile("E_\\d+(_@_.+)?");
  private final ModelService models;
  private final FindingResolver resolver;
  private final Interviewers interviewers;

  public InterviewService(ModelService models, FindingResolver resolver, Interviewers interviewers) {
    this.models = models;
    this.resolver = resolver;
    this.interviewers = interviewers;
  }

  /** The answer of one step. {@code next} is empty when done or when no question is left. */
  public record Step(ServedModel model, List<Candidate> candidates, Optional<RankedQuestion> next,
                     List<RankedQuestion> alternatives, boolean done, String reason, int asked, String lang,
                     double threshold, int budget, List<String> unrecognised, double latencyMs) {
  }

  public Step step(InterviewRequest request) {
    long start = System.nanoTime();
    ServedModel served = models.resolve(request.model());
    Interviewer interviewer = interviewers.forModel(served).orElseThrow(() -> new ApiException(422, "no_interview",
        "Model '" + served.name() + "' has no interview mode; use ddxplus, rare-phenotype or kaggle-symptoms",
        List.of(new ApiException.FieldProblem("model", served.name(), "no interview mode"))));
    List<String> unrecognised = new ArrayList<>();
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    Map<String, Answer> answers = fromFindings(interviewer, served, request.observed(), request.excluded(), unrecognised, problems);
    Map<String, Integer> position = new LinkedHashMap<>();
    for (int i = 0; i < request.answers().size(); i++) {
      Answer a = request.answers().get(i);
      Answer before = answers.get(a.question());
      if (before != null && !before.equals(a)) {
        problems.add(new ApiException.FieldProblem("answers[" + i + "]", String.join(",", a.values()),
            "contradictory answers: " + a.question() + " was already answered " + (before.isUnknown() ? "unknown" : String.join(",", before.values()))));
        continue;
      }
      answers.put(a.question(), a);
      position.put(a.question(), i);
    }
    for (AnswerProblem p : interviewer.questions().problems(answers)) {
      Integer i = position.get(p.question());
      problems.add(new ApiException.FieldProblem(i == null ? "observed" : "answers[" + i + "]", p.value(), p.question() + ": " + p.problem()));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "invalid_answers", problems.size() + " problem(s) with the findings or answers; nothing was stored", problems);
    }
    InterviewState state = new InterviewState(request.sex(), request.age(), answers);
    List<Candidate> candidates = interviewer.differential(state, request.top()).stream()
        .map(c -> new Candidate(c.id(), interviewer.questions().diseaseName(c.id(), c.name(), request.lang()), c.probability(),
            c.kind(), c.evidence(), c.similarCases())).toList();
    double top = candidates.isEmpty() ? 0 : candidates.get(0).probability();
    int asked = request.answers().size();
    String reason = top >= request.threshold() ? "threshold" : asked >= request.budget() ? "budget" : "";
    List<RankedQuestion> ranked = reason.isEmpty() ? interviewer.next(state, 4) : List.of();
    if (reason.isEmpty() && ranked.isEmpty()) {
      reason = "no_questions";
    }
    return new Step(served, candidates, ranked.stream().findFirst(), ranked.size() > 1 ? ranked.subList(1, ranked.size()) : List.of(),
        !reason.isEmpty(), reason, asked, request.lang(), request.threshold(), request.budget(), unrecognised,
        (System.nanoTime() - start) / 1e6);
  }

  /** The next best questions after a plain diagnosis (empty for models without an interview or on bad findings). */
  public List<RankedQuestion> suggest(ServedModel served, List<String> observed, List<String> excluded, Sex sex,
                                      Optional<Double> age, int k) {
    return suggest(served, observed, excluded, sex, age, k, Optional.empty());
  }

  /**
   * As above, reusing the rare engine's scoring of these findings when the diagnosis has it ({@code scored}), so the
   * rare interviewer does not score the query a second time; the questions are the same.
   */
  public List<RankedQuestion> suggest(ServedModel served, List<String> observed, List<String> excluded, Sex sex,
                                      Optional<Double> age, int k, Optional<RareEngine.Scored> scored) {
    Optional<Interviewer> interviewer = interviewers.forModel(served);
    if (interviewer.isEmpty()) {
      return List.of();
    }
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    Map<String, Answer> answers = fromFindings(interviewer.get(), served, observed, excluded, new ArrayList<>(), problems);
    if (!problems.isEmpty() || !interviewer.get().questions().problems(answers).isEmpty()) {
      return List.of();
    }
    InterviewState state = new InterviewState(sex, age, answers);
    if (scored.isPresent() && interviewer.get() instanceof HpoInterview hpo) {
      return hpo.next(state, k, scored.get());
    }
    return interviewer.get().next(state, k);
  }

  /**
   * A valid HPO term the model asks nothing about (e.g. read from a note for a symptom-table model) is reported as
   * unrecognised, as diagnose does, instead of failing the request; the model's own unknown names still fail.
   */
  private static boolean outsideTheModel(Interviewer interviewer, String id, List<String> unrecognised) {
    if (id.startsWith("HP:") && interviewer.questions().find(id).isEmpty()) {
      unrecognised.add(id);
      return true;
    }
    return false;
  }

  /** Findings as answers: DDXPlus evidence tokens directly, anything else through the finding resolver. */
  private Map<String, Answer> fromFindings(Interviewer interviewer, ServedModel served, List<String> observed, List<String> excluded,
                                           List<String> unrecognised, List<ApiException.FieldProblem> problems) {
    Map<String, Answer> out = new LinkedHashMap<>();
    if (interviewer.questions() instanceof DdxplusQuestions ddx) {
      List<String> tokens = new ArrayList<>();
      List<String> names = new ArrayList<>();
      observed.forEach(o -> (EVIDENCE_TOKEN.matcher(o.strip()).matches() ? tokens : names).add(o.strip()));
      List<String> excludedTokens = excluded.stream().map(String::strip).filter(e -> EVIDENCE_TOKEN.matcher(e).matches()).toList();
      List<String> excludedNames = excluded.stream().map(String::strip).filter(e -> !EVIDENCE_TOKEN.matcher(e).matches()).toList();
      ResolvedFindings resolved = resolver.resolve(names, excludedNames, served);
      unrecognised.addAll(resolved.unrecognised());
      resolved.observed().stream().filter(id -> !outsideTheModel(interviewer, id, unrecognised)).forEach(tokens::add);
      List<AnswerProblem> bad = new ArrayList<>();
      List<String> allExcluded = new ArrayList<>(excludedTokens);
      resolved.excluded().stream().filter(id -> !outsideTheModel(interviewer, id, unrecognised)).forEach(allExcluded::add);
      out.putAll(ddx.fromTokens(tokens, allExcluded, bad));
      bad.forEach(p -> problems.add(new ApiException.FieldProblem("observed", p.value(), p.problem())));
      return out;
    }
    ResolvedFindings resolved = resolver.resolve(observed, excluded, served);
    unrecognised.addAll(resolved.unrecognised());
    for (String id : resolved.observed()) {
      if (outsideTheModel(interviewer, id, unrecognised)) {
        continue;
      }
      out.put(id, Answer.yes(id));
    }
    for (String id : resolved.excluded()) {
      if (outsideTheModel(interviewer, id, unrecognised)) {
        continue;
      } else if (out.containsKey(id)) {
        problems.add(new ApiException.FieldProblem("excluded", id, "contradictory findings: " + id + " is both observed and excluded"));
      } else {
        out.put(id, Answer.no(id));
      }
    }
    return out;
  }
}
