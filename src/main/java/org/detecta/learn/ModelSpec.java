package org.detecta.learn;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One candidate configuration: a model family, its hyperparameters and the feature transform before it. */
public record ModelSpec(String family, Map<String, Object> params, String transform, int transformK) {
  public ModelSpec {
    Objects.requireNonNull(family, "family");
    params = Map.copyOf(params);
    transform = transform == null ? "none" : transform;
  }

  public double number(String key) {
    Object value = params.get(key);
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("models.yaml: " + family + "." + key + " must be a number, was " + value);
    }
    return n.doubleValue();
  }

  /** The same parameters and transform under another family (a composite family fitting its parts). */
  public ModelSpec as(String otherFamily) {
    return new ModelSpec(otherFamily, params, transform, transformK);
  }

  public String text(String key, String fallback) {
    Object value = params.get(key);
    return value == null ? fallback : value.toString();
  }

  @Override
  public String toString() {
    return family + new TreeMap<>(params) + (transform.equals("none") ? "" : "+" + transform + ":" + transformK);
  }
}
