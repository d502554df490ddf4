package org.detecta.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The business requirements of one model, from {@code config/requirements.yaml}. */
public record ReleaseRequirements(double minTop1, double minMacroRecall, double maxEce, double maxLatencyMs, long maxModelBytes) {
  public static ReleaseRequirements load(Path file, String model) throws IOException {
    JsonNode node = ModelsConfig.YAML.readTree(file.toFile()).path(model);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException(file + " has no section for model '" + model + "'");
    }
    return new ReleaseRequirements(node.path("minTop1").asDouble(0), node.path("minMacroRecall").asDouble(0),
        node.path("maxEce").asDouble(1), node.path("maxLatencyMs").asDouble(Double.MAX_VALUE),
        node.path("maxModelBytes").asLong(Long.MAX_VALUE));
  }

  /** Every unmet requirement, as a sentence; empty when the model may be released. */
  public List<String> failures(Map<String, Double> test, double latencyMs, long modelBytes) {
    List<String> reasons = new ArrayList<>();
    check(reasons, test.get("top1") >= minTop1, "test top1 %.4f < %.4f", test.get("top1"), minTop1);
    check(reasons, test.get("macroRecall") >= minMacroRecall, "test macro recall %.4f < %.4f", test.get("macroRecall"), minMacroRecall);
    check(reasons, test.get("ece") <= maxEce, "test ECE %.4f > %.4f", test.get("ece"), maxEce);
    check(reasons, latencyMs <= maxLatencyMs, "latency %.3f ms > %.3f ms", latencyMs, maxLatencyMs);
    check(reasons, modelBytes <= maxModelBytes, "model size %d bytes > %d", modelBytes, maxModelBytes);
    return reasons;
  }

  /**
   * False when a classifier of {@code classifierBytes} cannot pass the size limit whatever it scores: the artifact
   * holds it in base64 (4 bytes per 3), so that alone is a lower bound. Known before the test split is read, so
   * such a candidate is never chosen (its gate would fail and spend a test read for nothing).
   */
  public boolean fitsSize(long classifierBytes) {
    return (classifierBytes + 2) / 3 * 4 <= maxModelBytes;
  }

  private static void check(List<String> reasons, boolean ok, String format, Object... args) {
    if (!ok) {
      reasons.add(String.format(Locale.ROOT, format, args));
    }
  }
}
