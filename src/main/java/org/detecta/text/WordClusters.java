package org.detecta.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reviewed groups of equivalent words in {@code token-clusters.tsv} ({@code lang<TAB>word word ...}; the first
 * word is canonical), which {@link TextAnalyzer} maps to one key after stemming.
 */
final class WordClusters {
  private WordClusters() {
  }

  /** The word clusters of {@code language} from the bundled {@code token-clusters.tsv} ({@code lang<TAB>word word ...}). */
  static List<List<String>> of(Language language) {
    String name = "token-clusters.tsv";
    List<List<String>> clusters = new ArrayList<>();
    try (InputStream in = WordClusters.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Resource org/detecta/text/" + name + " is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String[] cols = line.split("\t", -1);
        if (line.isBlank() || line.startsWith("#") || cols.length < 2 || cols[0].equals("lang")) {
          continue;
        }
        if (Language.parse(cols[0]) == language) {
          clusters.add(List.of(cols[1].trim().split("\\s+")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return clusters;
  }
}
