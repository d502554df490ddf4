package org.detecta.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.detecta.learn.Families;
import org.detecta.learn.ModelSpec;

/**
 * {@code config/models.yaml}: per family defaults and search grid, the rounds of the release loop, the k of
 * each feature transform, whether the chosen configuration is refitted on train+validation once chosen,
 * {@code selectionFolds}: when above 1, candidates are ranked by their k-fold top-1 over train+validation first, and
 * {@code referenceWeight}: when above 0, a source with a reference differential (DDXPlus) gets a soft-label model of it
 * mixed in at that weight ({@link org.detecta.learn.CommonModel.Reference}).
 */
public record ModelsConfig(Map<String, Map<String, Object>> defaults, Map<String, Map<String, List<Object>>> grids,
                           List<Round> rounds, Map<String, Integer> transformK, boolean refitOnTrainAndValidation,
                           int selectionFolds, double referenceWeight) {
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public ModelsConfig {
    if (referenceWeight < 0 || referenceWeight >= 1) {
      throw new IllegalArgumentException("models.yaml: referenceWeight must be in [0, 1), was " + referenceWeight);
    }
  }

  /** No reference-differential model. */
  public ModelsConfig(Map<String, Map<String, Object>> defaults, Map<String, Map<String, List<Object>>> grids,
                      List<Round> rounds, Map<String, Integer> transformK, boolean refitOnTrainAndValidation,
                      int selectionFolds) {
    this(defaults, grids, rounds, transformK, refitOnTrainAndValidation, selectionFolds, 0.0);
  }

  /** Selection on the validation split alone. */
  public ModelsConfig(Map<String, Map<String, Object>> defaults, Map<String, Map<String, List<Object>>> grids,
                      List<Round> rounds, Map<String, Integer> transformK, boolean refitOnTrainAndValidation) {
    this(defaults, grids, rounds, transformK, refitOnTrainAndValidation, 1);
  }

  public record Round(List<String> families, List<String> transforms, int searchSize) {
  }

  /** Finds a file of the repository's {@code config/} folder: {@code detecta.repo} property, else the working directory. */
  public static Path configFile(String name) {
    Path repo = Path.of(System.getProperty("detecta.repo", System.getProperty("user.dir", ".")));
    Path file = repo.resolve("config").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Missing " + file + ": run from the repository root or set -Ddetecta.repo");
    }
    return file;
  }

  @SuppressWarnings("unchecked")
  public static ModelsConfig load(Path file) throws IOException {
    JsonNode root = YAML.readTree(file.toFile());
    Map<String, Map<String, Object>> defaults = new LinkedHashMap<>();
    Map<String, Map<String, List<Object>>> grids = new LinkedHashMap<>();
    root.path("families").fields().forEachRemaining(e -> {
      if (!Families.ALL.contains(e.getKey())) {
        throw new IllegalArgumentException(file + ": unknown family '" + e.getKey() + "'; expected one of " + Families.ALL);
      }
      defaults.put(e.getKey(), YAML.convertValue(e.getValue().path("defaults"), Map.class));
      grids.put(e.getKey(), YAML.convertValue(e.getValue().path("search"), Map.class));
    });
    List<Round> rounds = new ArrayList<>();
    for (JsonNode r : root.path("rounds")) {
      rounds.add(new Round(YAML.convertValue(r.path("families"), List.class),
          YAML.convertValue(r.path("transforms"), List.class), r.path("searchSize").asInt(1)));
    }
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException(file + ": no rounds");
    }
    Map<String, Integer> k = YAML.convertValue(root.path("transformK"), Map.class);
    return new ModelsConfig(defaults, grids, rounds, k == null ? Map.of() : k,
        root.path("refitOnTrainAndValidation").asBoolean(false), root.path("selectionFolds").asInt(1),
        root.path("referenceWeight").asDouble(0.0));
  }

  /** The defaults, then up to {@code size-1} distinct seeded samples of the grid, each with every transform. */
  public List<ModelSpec> candidates(Round round, long seed) {
    List<ModelSpec> specs = new ArrayList<>();
    Random random = new Random(seed);
    for (String family : round.families()) {
      Map<String, Object> base = defaults.getOrDefault(family, Map.of());
      List<Map<String, Object>> settings = new ArrayList<>();
      settings.add(base);
      Map<String, List<Object>> grid = grids.getOrDefault(family, Map.of());
      for (int attempt = 0; attempt < 50 && settings.size() < round.searchSize() && !grid.isEmpty(); attempt++) {
        Map<String, Object> sample = new LinkedHashMap<>(base);
        grid.forEach((key, values) -> sample.put(key, values.get(random.nextInt(values.size()))));
        if (!settings.contains(sample)) {
          settings.add(sample);
        }
      }
      for (String transform : round.transforms()) {
        if (!transform.equals("none") && !Families.acceptsNegative(family)) {
          continue;
        }
        for (Map<String, Object> s : settings) {
          specs.add(new ModelSpec(family, s, transform, transformK.getOrDefault(transform, 0)));
        }
      }
    }
    return specs;
  }
}
