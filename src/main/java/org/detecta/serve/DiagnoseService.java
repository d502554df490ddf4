package org.detecta.serve;

import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Query;
import org.detecta.monitor.LoggedPrediction;
import org.detecta.monitor.PredictionLog;
import org.detecta.rank.RareEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one diagnosis: resolve the findings for the chosen model, rank, and, only when the caller
 * consented, queue the prediction for the log under a fresh pseudonymous id. Knows nothing of HTTP.
 */
public final class DiagnoseService {
  static final int NEXT_QUESTIONS = 3;
  private final ModelService models;
  private final FindingResolver resolver;
  private final PredictionLog log;
  private final PredictionListener listener;
  private final Optional<InterviewService> interviews;

  public DiagnoseService(ModelService models, FindingResolver resolver, PredictionLog log, PredictionListener listener) {
    this(models, resolver, log, listener, Optional.empty());
  }

  /** With {@code interviews}, diagnoses also carry the next best questions ({@code nextQuestions}). */
  public DiagnoseService(ModelService models, FindingResolver resolver, PredictionLog log, PredictionListener listener,
                         Optional<InterviewService> interviews) {
    this.models = models;
    this.resolver = resolver;
    this.log = log;
    this.listener = listener;
    this.interviews = interviews;
  }

  public DiagnoseResult diagnose(DiagnoseRequest request) {
    Ran ran = runKeepingScores(request.model(), request.observed(), request.excluded(),
        new QueryContext(request.sex(), request.age()), request.top(), request.consent());
    if (interviews.isEmpty()) {
      return ran.result();
    }
    try {
      // the questions follow the model and the scoring that produced the differential (not scored again)
      return ran.result().withNextQuestions(interviews.get().suggest(ran.served(), request.observed(), request.excluded(),
          request.sex(), request.age(), NEXT_QUESTIONS, ran.scored()).stream()
          .map(r -> SuggestedQuestion.of(r, request.lang())).toList());
    } catch (RuntimeException e) {
      return ran.result(); // proposing questions is a help, never a reason to fail a diagnosis
    }
  }

  /** Sex and age travel with the findings into the model's query. */
  public record QueryContext(org.detecta.cases.Sex sex, Optional<Double> age) {
  }

  public DiagnoseResult run(Optional<String> modelName, List<String> observed, List<String> excluded,
                            QueryContext context, int top, boolean consent) {
    return runKeepingScores(modelName, observed, excluded, context, top, consent).result();
  }

  /** A diagnosis, the model that made it and, for the rare engine, its scoring of the whole query. */
  private record Ran(DiagnoseResult result, ServedModel served, Optional<RareEngine.Scored> scored) {
  }

  private Ran runKeepingScores(Optional<String> modelName, List<String> observed, List<String> excluded,
                               QueryContext context, int top, boolean consent) {
    long start = System.nanoTime();
    ServedModel served = models.resolve(modelName);
    ResolvedFindings findings = resolver.resolve(observed, excluded, served);
    Query query = new Query(findings.observed(), findings.excluded(), context.sex(), context.age());
    Optional<RareEngine.Scored> scored = Optional.empty();
    Differential differential;
    if (served.model() instanceof RareEngine engine) {
      scored = Optional.of(engine.score(query)); // kept for the next questions
      differential = engine.differential(scored.get(), top);
    } else {
      differential = served.model().diagnose(query, top);
    }
    List<String> unrecognised = new ArrayList<>(findings.unrecognised());
    for (String u : differential.unrecognised()) {
      if (!unrecognised.contains(u)) {
        unrecognised.add(u);
      }
    }
    double latencyMs = (System.nanoTime() - start) / 1e6;
    List<Candidate> candidates = differential.candidates();
    String topClass = candidates.isEmpty() ? "" : candidates.get(0).id();
    listener.predicted(served.name(), served.version().version(), topClass, latencyMs);
    Optional<String> predictionId = Optional.empty();
    if (consent) {
      String id = Ids.prediction();
      List<LoggedPrediction.Ranked> output = candidates.stream()
          .map(c -> new LoggedPrediction.Ranked(c.id(), c.probability())).toList();
      if (log.record(new LoggedPrediction(id, Instant.now(), served.name(), served.version().version(),
          findings.observed(), findings.excluded(), output, latencyMs))) {
        predictionId = Optional.of(id);
      }
    }
    return new Ran(new DiagnoseResult(predictionId, served.name(), served.version().version(), candidates, List.of(),
        unrecognised, differential.unlisted(), latencyMs), served, scored);
  }
}
