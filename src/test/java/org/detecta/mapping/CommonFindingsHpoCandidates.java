package org.detecta.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.SymptomNames;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.detecta.kb.TermIndex;

/**
 * Generates candidate rows for {@code common-findings-hpo.tsv} by label/synonym matching over the HPO:
 * the whole finding text equal to a label ({@code exact}) or synonym ({@code synonym}), otherwise the
 * longest phrase inside it that equals a label or synonym ({@code broader}: the text says more than the
 * term). Every row comes out {@code reviewed=no}; a person checks each one and fixes or deletes it.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.detecta.mapping.CommonFindingsHpoCandidates ../shared/data out.tsv}
 */
public final class CommonFindingsHpoCandidates {
  private final TermIndex terms;
  private final Map<String, Integer> labels = new HashMap<>();
  private final Map<String, Integer> synonyms = new HashMap<>();

  CommonFindingsHpoCandidates(TermIndex terms) {
    this.terms = terms;
    for (int i = 0; i < terms.size(); i++) {
      labels.putIfAbsent(normalise(terms.label(i)), i);
      for (String synonym : terms.synonyms(i)) {
        synonyms.putIfAbsent(normalise(synonym), i);
      }
    }
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\(.*?\\)", " ")
        .replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim();
  }

  /** {@code match<TAB>hpo_id<TAB>hpo_label}, or empty when nothing matches. */
  String match(String text) {
    String t = normalise(text);
    for (String variant : List.of(t, t.replaceAll("s$", ""))) {
      if (labels.containsKey(variant)) {
        return row("exact", labels.get(variant));
      }
      if (synonyms.containsKey(variant)) {
        return row("synonym", synonyms.get(variant));
      }
    }
    String[] words = t.split(" ");
    for (int length = words.length - 1; length >= 1; length--) {
      for (int start = 0; start + length <= words.length; start++) {
        String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + length));
        Integer hit = labels.containsKey(phrase) ? labels.get(phrase) : synonyms.get(phrase);
        if (hit != null && (length > 1 || phrase.length() > 4)) {
          return row("broader", hit);
        }
      }
    }
    return "";
  }

  private String row(String kind, int index) {
    return kind + "\t" + terms.id(index).getValue() + "\t" + terms.label(index);
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    KnowledgeBase kb = KnowledgeBaseLoader.loadFromDataDir(data);
    CommonFindingsHpoCandidates matcher = new CommonFindingsHpoCandidates(kb.terms());
    List<String> out = new ArrayList<>();
    out.add("source\tfinding_id\tfinding_text_en\thpo_id\thpo_label\tmatch\treviewed");
    Set<String> symptoms = new TreeSet<>();
    String header = Files.readAllLines(data.resolve("kaggle-disease-symptom/Training.csv")).get(0);
    for (String column : header.split(",")) {
      String name = SymptomNames.normalise(column);
      if (!name.equals("prognosis")) {
        symptoms.add(name);
      }
    }
    for (String symptom : symptoms) {
      out.add(line("kaggle", symptom, symptom.replace('_', ' '), matcher.match(symptom)));
    }
    DdxplusCatalog catalog = DdxplusCatalog.load(data.resolve("ddxplus"));
    for (DdxplusCatalog.Evidence evidence : catalog.evidences().values()) {
      if (evidence.type() == 'B') {
        out.add(line("ddxplus", evidence.id(), evidence.questionEn(), matcher.match(evidence.questionEn())));
      }
    }
    Files.write(Path.of(args[1]), out);
  }

  private static String line(String source, String id, String text, String match) {
    String[] m = match.isEmpty() ? new String[] {"", "", "", ""} : match.split("\t");
    return String.join("\t", source, id, text.replace('\t', ' '), m.length > 1 ? m[1] : "", m.length > 2 ? m[2] : "",
        match.isEmpty() ? "" : m[0], "no");
  }
}
