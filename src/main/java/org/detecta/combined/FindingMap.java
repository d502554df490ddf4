package org.detecta.combined;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reviewed mapping between common-disease findings (Kaggle symptom names, DDXPlus evidence codes) and
 * HPO terms ({@code org/detecta/mapping/common-findings-hpo.tsv}). A finding always implies its HPO term.
 * The reverse (an HPO term implies the finding) holds only for rows that are not {@code broader}: an HPO
 * "Chest pain" does not say the pain is at rest, but an HPO "Cough" is the Kaggle symptom {@code cough}.
 */
public final class FindingMap {
  public static final String RESOURCE = "/org/detecta/mapping/common-findings-hpo.tsv";
  public static final String HEADER = "source\tfinding_id\tfinding_text_en\thpo_id\thpo_label\tmatch\treviewed";

  /** One reviewed row: source ({@code kaggle}|{@code ddxplus}), the source's finding id, the HPO id, how it matched. */
  public record Row(String source, String finding, String hpo, String match) {
    public Row {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(finding, "finding");
      Objects.requireNonNull(hpo, "hpo");
      Objects.requireNonNull(match, "match");
    }

    /** True when the HPO term means the same as the finding, so it can stand for it. */
    public boolean reversible() {
      return !match.equals("broader");
    }
  }

  private final List<Row> rows;
  private final Map<String, Set<String>> hpoByFinding = new LinkedHashMap<>();
  private final Map<String, Set<String>> findingsByHpo = new LinkedHashMap<>();

  public FindingMap(List<Row> rows) {
    this.rows = List.copyOf(rows);
    for (Row row : this.rows) {
      hpoByFinding.computeIfAbsent(key(row.source(), row.finding()), k -> new LinkedHashSet<>()).add(row.hpo());
      if (row.reversible()) {
        findingsByHpo.computeIfAbsent(key(row.source(), row.hpo()), k -> new LinkedHashSet<>()).add(row.finding());
      }
    }
  }

  /** The mapping shipped with this build. */
  public static FindingMap bundled() {
    try (InputStream in = FindingMap.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("mapping file " + RESOURCE + " missing from the build");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** Parses the TSV; every row must have 7 columns, a source, an HPO id and {@code reviewed=yes}. */
  public static FindingMap parse(String tsv) {
    List<String> lines = tsv.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException("mapping file must start with the header: " + HEADER);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] c = lines.get(i).split("\t", -1);
      if (c.length != 7 || !c[3].matches("HP:\\d{7}") || !c[6].equals("yes")) {
        throw new IllegalArgumentException("mapping line " + (i + 1) + " is not a reviewed 7-column row: " + lines.get(i));
      }
      rows.add(new Row(c[0], c[1], c[3], c[5]));
    }
    return new FindingMap(rows);
  }

  public List<Row> rows() {
    return rows;
  }

  /** HPO ids a source's finding implies (empty when unmapped). */
  public Set<String> hpoOf(String source, String finding) {
    return hpoByFinding.getOrDefault(key(source, finding), Set.of());
  }

  /** The source's findings that this exact HPO id stands for (reversible rows only). */
  public Set<String> findingsOf(String source, String hpo) {
    return findingsByHpo.getOrDefault(key(source, hpo), Set.of());
  }

  /** Every HPO id that stands for some finding of the source (reversible rows). */
  public Set<String> reversibleHpo(String source) {
    Set<String> out = new LinkedHashSet<>();
    for (Row row : rows) {
      if (row.source().equals(source) && row.reversible()) {
        out.add(row.hpo());
      }
    }
    return out;
  }

  private static String key(String source, String id) {
    return source + "\u0000" + id;
  }
}
