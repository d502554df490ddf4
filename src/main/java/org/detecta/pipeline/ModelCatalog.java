package org.detecta.pipeline;

import java.util.List;
import java.util.Optional;

/** Every model family Detecta can train, in training order (later families may use earlier ones). */
public final class ModelCatalog {
  private final List<ModelFamily> families;

  public ModelCatalog(List<ModelFamily> families) {
    this.families = List.copyOf(families);
  }

  public List<ModelFamily> families() {
    return families;
  }

  public List<String> names() {
    return families.stream().map(ModelFamily::name).toList();
  }

  public Optional<ModelFamily> find(String name) {
    return families.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public ModelFamily require(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "Unknown model '" + name + "'; known models: " + String.join(", ", names())));
  }
}
