package org.detecta.serve;

import org.detecta.kb.TermIndex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds the searchable names: HPO labels and synonyms (English), Spanish labels from hp-es.tsv, model inputs. */
public final class TermEntries {
  private TermEntries() {
  }

  public static List<TermEntry> fromHpo(TermIndex terms) {
    List<TermEntry> out = new ArrayList<>(terms.size() * 3);
    for (int i = 0; i < terms.size(); i++) {
      String id = terms.id(i).getValue();
      out.add(new TermEntry(id, terms.label(i), "en", "hpo"));
      for (String synonym : terms.synonyms(i)) {
        out.add(new TermEntry(id, synonym, "en", "hpo"));
      }
    }
    return out;
  }

  /** Spanish labels and {@code |}-separated synonyms from {@code hpo_id<TAB>label_es<TAB>synonyms_es}; none when absent. */
  public static List<TermEntry> fromSpanishTsv(Path tsv) {
    List<TermEntry> out = new ArrayList<>();
    if (!Files.isRegularFile(tsv)) {
      return out;
    }
    try (BufferedReader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
      String line = reader.readLine(); // header
      while ((line = reader.readLine()) != null) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 2 || !cols[0].startsWith("HP:") || cols[1].isBlank()) {
          continue;
        }
        out.add(new TermEntry(cols[0], cols[1].strip(), "es", "hpo"));
        if (cols.length > 2) {
          for (String synonym : cols[2].split("\\|")) {
            if (!synonym.isBlank()) {
              out.add(new TermEntry(cols[0], synonym.strip(), "es", "hpo"));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Spanish HPO labels " + tsv + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** A model's own input names (e.g. {@code skin_rash}), searchable as "skin rash"; HPO ids are skipped. */
  public static List<TermEntry> fromModelInputs(String model, Collection<String> inputs) {
    List<TermEntry> out = new ArrayList<>();
    for (String input : inputs) {
      if (!input.startsWith("HP:")) {
        out.add(new TermEntry(input, input.replace('_', ' ').strip(), "any", model));
      }
    }
    return out;
  }
}
