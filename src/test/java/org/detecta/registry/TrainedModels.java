package org.detecta.registry;

import org.detecta.pipeline.DataFile;
import org.detecta.pipeline.TrainedModel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small hand-made {@link TrainedModel}s for registry tests. */
public final class TrainedModels {
  private TrainedModels() {
  }

  /** A passing model whose test top1 is {@code top1}, trained on one file with sha256 {@code dataSha}. */
  public static TrainedModel of(String name, double top1, String dataSha, String payload) {
    return new TrainedModel(name, ("artifact of " + name + " " + payload).getBytes(StandardCharsets.UTF_8),
        Map.of("learningRate", 0.1, "payload", payload),
        Map.of("validation", Map.of("top1", top1 + 0.01), "test", Map.of("top1", top1, "top3", Math.min(1, top1 + 0.2))),
        List.of(new DataFile("cases/train.tsv", dataSha, 1234, "2025-10-01")),
        List.of("HP:0001250", "HP:0002315"), List.of("OMIM:100100", "OMIM:100200"), true, List.of("top1 >= 0.3"));
  }

  public static TrainedModel of(String name, double top1) {
    return of(name, top1, "a".repeat(64), Double.toString(top1));
  }
}
