package org.detecta.rank;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The release gate of the rare-disease engine, from the {@code rare-phenotype} section of
 * {@code config/requirements.yaml}: minimum top-1 and top-10 on the held-out test publications.
 */
public record RareGate(double minTop1, double minTop10) {
  public static RareGate load(Path file, String model) throws IOException {
    JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path(model);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException(file + " has no section for model '" + model + "'");
    }
    return new RareGate(node.path("minTop1").asDouble(0), node.path("minTop10").asDouble(0));
  }

  /** Every unmet requirement, as a sentence; empty when the model may be released. */
  public List<String> failures(Map<String, Double> test) {
    List<String> reasons = new ArrayList<>();
    if (test.get("top1") < minTop1) {
      reasons.add(String.format(Locale.ROOT, "test top1 %.4f < %.4f", test.get("top1"), minTop1));
    }
    if (test.get("top10") < minTop10) {
      reasons.add(String.format(Locale.ROOT, "test top10 %.4f < %.4f", test.get("top10"), minTop10));
    }
    return reasons;
  }
}
