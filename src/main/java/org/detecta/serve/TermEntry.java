package org.detecta.serve;

import java.util.Objects;

/**
 * One searchable name of a finding: the id the models understand (an HPO id or a model's own symptom or
 * evidence name), the text, its language ({@code en}, {@code es}, or {@code any} for model names) and
 * where it comes from ({@code hpo} or the model name).
 */
public record TermEntry(String id, String label, String lang, String source) {
  public TermEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(source, "source");
  }
}
