package org.detecta.registry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Two versions side by side: every metric (split/metric, NaN where one lacks it), the parameters whose values
 * differ and the data files whose sha256 (or presence) differs.
 */
public record VersionComparison(String a, String b, List<MetricRow> metrics, List<Difference> parameters,
                                List<Difference> data) {
  public VersionComparison {
    metrics = List.copyOf(metrics);
    parameters = List.copyOf(parameters);
    data = List.copyOf(data);
  }

  public record MetricRow(String key, double a, double b) {
  }

  /** A key whose value differs; "(absent)" when one side lacks it. */
  public record Difference(String key, String a, String b) {
  }

  public static VersionComparison of(ModelVersion a, ModelVersion b) {
    Map<String, Double> ma = metrics(a.metadata());
    Map<String, Double> mb = metrics(b.metadata());
    List<MetricRow> rows = new ArrayList<>();
    for (String key : union(ma.keySet(), mb.keySet())) {
      rows.add(new MetricRow(key, ma.getOrDefault(key, Double.NaN), mb.getOrDefault(key, Double.NaN)));
    }
    return new VersionComparison(a.ref(), b.ref(), rows,
        differences(flat(a.metadata().path("parameters")), flat(b.metadata().path("parameters"))),
        differences(files(a.metadata()), files(b.metadata())));
  }

  private static List<Difference> differences(Map<String, String> a, Map<String, String> b) {
    List<Difference> diffs = new ArrayList<>();
    for (String key : union(a.keySet(), b.keySet())) {
      String va = a.getOrDefault(key, "(absent)");
      String vb = b.getOrDefault(key, "(absent)");
      if (!va.equals(vb)) {
        diffs.add(new Difference(key, va, vb));
      }
    }
    return diffs;
  }

  /** split/metric → value for every metric recorded in a version's metadata, sorted by key. */
  public static Map<String, Double> metrics(JsonNode metadata) {
    Map<String, Double> rows = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> splits = metadata.path("metrics").fields(); splits.hasNext(); ) {
      Map.Entry<String, JsonNode> split = splits.next();
      split.getValue().fields().forEachRemaining(m -> rows.put(split.getKey() + "/" + m.getKey(), m.getValue().asDouble()));
    }
    return rows;
  }

  private static Map<String, String> flat(JsonNode parameters) {
    Map<String, String> values = new TreeMap<>();
    parameters.fields().forEachRemaining(e -> values.put(e.getKey(),
        e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return values;
  }

  private static Map<String, String> files(JsonNode metadata) {
    Map<String, String> files = new TreeMap<>();
    for (JsonNode f : metadata.path("data")) {
      String release = f.path("release").asText("");
      files.put(f.path("path").asText(), f.path("sha256").asText() + (release.isEmpty() ? "" : " (" + release + ")"));
    }
    return files;
  }

  private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    TreeSet<String> keys = new TreeSet<>(a);
    keys.addAll(b);
    return keys;
  }
}
