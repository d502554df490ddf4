package org.detecta.serve;

import org.detecta.diagnosis.Candidate;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a diagnosis: the logged prediction id (empty when not stored), the model version, the differential
 * and the probability of a disease the model does not know ({@code unlisted}, 0 without that outcome).
 */
public record DiagnoseResult(Optional<String> predictionId, String model, int version, List<Candidate> candidates,
                             List<SuggestedQuestion> nextQuestions, List<String> unrecognised, double unlisted,
                             double latencyMs) {
  public DiagnoseResult {
    candidates = List.copyOf(candidates);
    nextQuestions = List.copyOf(nextQuestions);
    unrecognised = List.copyOf(unrecognised);
  }

  /** The same result with the next best questions filled in. */
  public DiagnoseResult withNextQuestions(List<SuggestedQuestion> questions) {
    return new DiagnoseResult(predictionId, model, version, candidates, questions, unrecognised, unlisted, latencyMs);
  }
}
