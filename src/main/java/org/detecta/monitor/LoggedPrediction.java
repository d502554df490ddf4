package org.detecta.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One consented prediction as logged: pseudonymous id, model version, resolved findings, top-k output, latency. */
public record LoggedPrediction(String id, Instant createdAt, String model, int version, List<String> observed,
                               List<String> excluded, List<Ranked> output, double latencyMs) {
  public LoggedPrediction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(model, "model");
    observed = List.copyOf(observed);
    excluded = List.copyOf(excluded);
    output = List.copyOf(output);
  }

  /** The predicted class (top candidate), or empty when the model returned none. */
  public String topId() {
    return output.isEmpty() ? "" : output.get(0).id();
  }

  /** One candidate of the logged output. */
  public record Ranked(String id, double probability) {
    public Ranked {
      Objects.requireNonNull(id, "id");
    }
  }
}
