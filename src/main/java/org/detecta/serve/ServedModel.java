package org.detecta.serve;

import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.registry.ModelVersion;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A loaded champion: the registry version it came from, the live model, and its accepted inputs (signature). */
public record ServedModel(ModelVersion version, DiagnosticModel model, Set<String> inputs) {
  public ServedModel {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(model, "model");
    inputs = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(inputs));
  }

  public static ServedModel of(ModelVersion version, DiagnosticModel model) {
    Set<String> inputs = new LinkedHashSet<>();
    version.metadata().path("signature").path("inputs").forEach(n -> inputs.add(n.asText()));
    return new ServedModel(version, model, inputs);
  }

  public String name() {
    return version.name();
  }
}
