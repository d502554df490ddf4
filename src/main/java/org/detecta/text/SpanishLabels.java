package org.detecta.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official Spanish HPO labels ({@code hpo_id<TAB>label_es<TAB>synonyms_es}, synonyms separated by
 * {@code |}). A missing file gives an empty set: Spanish then relies on the wording file alone.
 */
public final class SpanishLabels {
  private final Map<String, String> labels;
  private final Map<String, List<String>> synonyms;

  private SpanishLabels(Map<String, String> labels, Map<String, List<String>> synonyms) {
    this.labels = Map.copyOf(labels);
    this.synonyms = Map.copyOf(synonyms);
  }

  public static SpanishLabels empty() {
    return new SpanishLabels(Map.of(), Map.of());
  }

  /** Reads {@code <dataDir>/hpo/hp-es.tsv}, or returns {@link #empty()} if the file is absent. */
  public static SpanishLabels fromDataDir(Path dataDir) {
    Path file = dataDir.resolve("hpo").resolve("hp-es.tsv");
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Spanish labels " + file, e);
    }
  }

  public static SpanishLabels read(InputStream in, String source) throws IOException {
    Map<String, String> labels = new HashMap<>();
    Map<String, List<String>> synonyms = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (number == 1 && line.startsWith("hpo_id")) {
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 2 || !cols[0].startsWith("HP:")) {
        throw new IllegalArgumentException(source + ":" + number + ": expected hpo_id<TAB>label_es[<TAB>synonyms_es], got '"
            + line + "'");
      }
      if (!cols[1].isBlank()) {
        labels.put(cols[0], cols[1].trim());
      }
      if (cols.length > 2 && !cols[2].isBlank()) {
        synonyms.put(cols[0], List.of(cols[2].trim().split("\\s*\\|\\s*")));
      }
    }
    return new SpanishLabels(labels, synonyms);
  }

  public Optional<String> label(String hpoId) {
    return Optional.ofNullable(labels.get(hpoId));
  }

  public List<String> synonyms(String hpoId) {
    return synonyms.getOrDefault(hpoId, List.of());
  }

  public int size() {
    return labels.size();
  }
}
