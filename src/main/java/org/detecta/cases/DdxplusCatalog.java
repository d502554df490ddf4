package org.detecta.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DDXPlus release files: every evidence (question) with its type and possible values, and every
 * condition. Needed to encode patients and to validate their tokens.
 */
public record DdxplusCatalog(Map<String, Evidence> evidences, Map<String, Condition> conditions) {
  public static final String EVIDENCES_FILE = "release_evidences.json";
  public static final String CONDITIONS_FILE = "release_conditions.json";

  /** B = binary, C = categorical (numeric scale when its values are numbers), M = multi-choice. */
  public record Evidence(String id, char type, String questionEn, List<String> values,
                         Map<String, String> valueMeaningEn, String defaultValue, boolean antecedent) {
    public boolean numeric() {
      return type == 'C' && !values.isEmpty() && values.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?"));
    }

    /** The largest scale value, used to bring numeric answers to [0,1]. */
    public double maxValue() {
      return values.stream().mapToDouble(Double::parseDouble).max().orElse(1.0);
    }
  }

  /** A pathology; {@code evidences} are the evidence ids it can show (its symptoms and antecedents in the release). */
  public record Condition(String name, String icd10, int severity, java.util.Set<String> evidences) {
    public Condition {
      evidences = java.util.Set.copyOf(evidences);
    }
  }

  public DdxplusCatalog {
    evidences = Collections.unmodifiableMap(new LinkedHashMap<>(evidences));
    conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
  }

  public static DdxplusCatalog load(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode ev = json.readTree(Files.readAllBytes(dir.resolve(EVIDENCES_FILE)));
    Map<String, Evidence> evidences = new LinkedHashMap<>();
    ev.fields().forEachRemaining(entry -> {
      JsonNode node = entry.getValue();
      List<String> values = new ArrayList<>();
      node.path("possible-values").forEach(v -> values.add(v.asText()));
      Map<String, String> meanings = new LinkedHashMap<>();
      node.path("value_meaning").fields().forEachRemaining(m -> meanings.put(m.getKey(), m.getValue().path("en").asText()));
      String type = node.path("data_type").asText("B");
      evidences.put(entry.getKey(), new Evidence(entry.getKey(), type.isEmpty() ? 'B' : type.charAt(0),
          node.path("question_en").asText(""), values, meanings, node.path("default_value").asText(""),
          node.path("is_antecedent").asBoolean(false)));
    });
    JsonNode co = json.readTree(Files.readAllBytes(dir.resolve(CONDITIONS_FILE)));
    Map<String, Condition> conditions = new LinkedHashMap<>();
    co.fields().forEachRemaining(entry -> {
      JsonNode node = entry.getValue();
      String name = node.path("cond-name-eng").asText(entry.getKey());
      java.util.Set<String> shown = new java.util.TreeSet<>();
      node.path("symptoms").fieldNames().forEachRemaining(shown::add);
      node.path("antecedents").fieldNames().forEachRemaining(shown::add);
      conditions.put(name, new Condition(name, node.path("icd10-id").asText(""), node.path("severity").asInt(0), shown));
    });
    return new DdxplusCatalog(evidences, conditions);
  }

  /** The evidence id of a token: {@code E_54_@_V_179} → {@code E_54}. */
  public static String evidenceOf(String token) {
    int at = token.indexOf("_@_");
    return at < 0 ? token : token.substring(0, at);
  }

  /** The value part of a token, empty for binary tokens. */
  public static String valueOf(String token) {
    int at = token.indexOf("_@_");
    return at < 0 ? "" : token.substring(at + 3);
  }

  /** Null when the token is valid for this release, else why not. */
  public String problemWith(String token) {
    Evidence evidence = evidences.get(evidenceOf(token));
    if (evidence == null) {
      return "unknown evidence " + evidenceOf(token);
    }
    String value = valueOf(token);
    if (evidence.type() == 'B') {
      return value.isEmpty() ? null : "binary evidence " + evidence.id() + " takes no value";
    }
    if (value.isEmpty()) {
      return evidence.id() + " needs a value";
    }
    return evidence.values().contains(value) ? null : "value " + value + " is not a possible value of " + evidence.id();
  }
}
