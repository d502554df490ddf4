package org.detecta.combined;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.detecta.cases.SymptomNames;
import org.detecta.kb.TermIndex;
import org.detecta.kb.TermResolution;
import org.detecta.learn.FeatureSpace;

/**
 * Puts one patient's findings into every engine's vocabulary. An HPO id goes to the rare engine and, when
 * it or one of its ancestors stands for a common finding (a reversible mapping row), to that common model
 * too; a Kaggle symptom or a DDXPlus evidence goes to its own model as given and, through the mapping, to HPO
 * and from there to the other common model (never back to its own). Anything no engine knows is returned as
 * unrecognised.
 */
public final class FindingTranslator {
  public static final String KAGGLE = "kaggle";
  public static final String DDXPLUS = "ddxplus";

  private final TermIndex terms;
  private final FindingMap map;
  private final FeatureSpace kaggle;
  private final FeatureSpace ddxplus;

  public FindingTranslator(TermIndex terms, FindingMap map, FeatureSpace kaggle, FeatureSpace ddxplus) {
    this.terms = terms;
    this.map = map;
    this.kaggle = kaggle;
    this.ddxplus = ddxplus;
  }

  /**
   * The findings as each engine takes them, and per observed finding which engines could use it:
   * {@code coverage} counts observed findings usable by the rare engine, Kaggle and DDXPlus;
   * {@code rareOnly} counts observed findings only the rare engine can use.
   */
  public record Translated(List<String> hpoObserved, List<String> hpoExcluded, List<String> kaggle,
                           List<String> ddxplus, List<String> unrecognised, int observed, int rare, int kaggleUsable,
                           int ddxplusUsable, int rareOnly) {
    public Translated {
      hpoObserved = List.copyOf(hpoObserved);
      hpoExcluded = List.copyOf(hpoExcluded);
      kaggle = List.copyOf(kaggle);
      ddxplus = List.copyOf(ddxplus);
      unrecognised = List.copyOf(unrecognised);
    }
  }

  /** One finding in every vocabulary; all sets empty when no engine knows it. */
  record Meaning(Set<String> hpo, Set<String> kaggle, Set<String> ddxplus) {
    boolean empty() {
      return hpo.isEmpty() && kaggle.isEmpty() && ddxplus.isEmpty();
    }
  }

  public Translated translate(List<String> observed, List<String> excluded) {
    Set<String> hpo = new LinkedHashSet<>();
    Set<String> kag = new LinkedHashSet<>();
    Set<String> ddx = new LinkedHashSet<>();
    List<String> unrecognised = new ArrayList<>();
    int rare = 0;
    int kaggleUsable = 0;
    int ddxplusUsable = 0;
    int rareOnly = 0;
    int count = 0;
    for (String finding : new LinkedHashSet<>(observed)) {
      Meaning m = meaning(finding);
      if (m.empty()) {
        unrecognised.add(finding);
        continue;
      }
      count++;
      hpo.addAll(m.hpo());
      kag.addAll(m.kaggle());
      ddx.addAll(m.ddxplus());
      rare += m.hpo().isEmpty() ? 0 : 1;
      kaggleUsable += m.kaggle().isEmpty() ? 0 : 1;
      ddxplusUsable += m.ddxplus().isEmpty() ? 0 : 1;
      rareOnly += !m.hpo().isEmpty() && m.kaggle().isEmpty() && m.ddxplus().isEmpty() ? 1 : 0;
    }
    Set<String> hpoExcluded = new LinkedHashSet<>();
    for (String finding : new LinkedHashSet<>(excluded)) {
      Set<String> absent = excludedHpo(finding);
      if (absent == null) {
        unrecognised.add(finding);
      } else {
        hpoExcluded.addAll(absent);
      }
    }
    hpoExcluded.removeAll(hpo);
    return new Translated(List.copyOf(hpo), List.copyOf(hpoExcluded), List.copyOf(kag), List.copyOf(ddx), unrecognised,
        count, rare, kaggleUsable, ddxplusUsable, rareOnly);
  }

  Meaning meaning(String raw) {
    String finding = raw.strip();
    Set<String> hpo = new LinkedHashSet<>();
    Set<String> kag = new LinkedHashSet<>();
    Set<String> ddx = new LinkedHashSet<>();
    // A model's own finding reaches it exactly as given: its HPO terms go to the rare engine and the other common
    // model only. (Implying more of its own findings, e.g. a DDXPlus evidence whose HPO term's ancestor stands for
    // another evidence, showed that model a patient it was never trained on: DDXPlus test top-1 of detecta 0.936.)
    boolean nativeDdxplus = false;
    boolean nativeKaggle = false;
    if (finding.toUpperCase(Locale.ROOT).startsWith("HP:")) {
      currentHpo(finding.toUpperCase(Locale.ROOT)).ifPresent(hpo::add);
    } else if (ddxplus.knows(finding)) {
      nativeDdxplus = true;
      ddx.add(finding);
      hpo.addAll(map.hpoOf(DDXPLUS, finding));
    } else if (kaggle.knows(SymptomNames.normalise(finding))) {
      nativeKaggle = true;
      String name = SymptomNames.normalise(finding);
      kag.add(name);
      hpo.addAll(map.hpoOf(KAGGLE, name));
    }
    for (String id : hpo) {
      if (!nativeKaggle) {
        kag.addAll(implied(KAGGLE, id));
      }
      if (!nativeDdxplus) {
        ddx.addAll(implied(DDXPLUS, id));
      }
    }
    return new Meaning(hpo, kag, ddx);
  }

  /** The source's findings an HPO term implies: those standing for the term itself or one of its ancestors. */
  Set<String> implied(String source, String hpoId) {
    Set<String> out = new LinkedHashSet<>();
    java.util.Optional<Integer> index = terms.indexOf(org.monarchinitiative.phenol.ontology.data.TermId.of(hpoId));
    if (index.isEmpty()) {
      out.addAll(map.findingsOf(source, hpoId));
      return out;
    }
    for (int ancestor : terms.ancestors(index.get())) {
      out.addAll(map.findingsOf(source, terms.id(ancestor).getValue()));
    }
    return out;
  }

  /**
   * HPO terms an excluded finding rules out: itself if HPO, else the terms a reversible mapping makes equal to
   * it (none for a known finding without one); null when no engine knows the finding.
   */
  private Set<String> excludedHpo(String raw) {
    String finding = raw.strip();
    if (finding.toUpperCase(Locale.ROOT).startsWith("HP:")) {
      return currentHpo(finding.toUpperCase(Locale.ROOT)).map(Set::of).orElse(null);
    }
    String source = ddxplus.knows(finding) ? DDXPLUS : kaggle.knows(SymptomNames.normalise(finding)) ? KAGGLE : null;
    if (source == null) {
      return null;
    }
    String id = source.equals(KAGGLE) ? SymptomNames.normalise(finding) : finding;
    Set<String> out = new LinkedHashSet<>();
    for (FindingMap.Row row : map.rows()) {
      if (row.source().equals(source) && row.finding().equals(id) && row.reversible()) {
        out.add(row.hpo());
      }
    }
    return out;
  }

  private java.util.Optional<String> currentHpo(String id) {
    TermResolution resolution = terms.resolve(id);
    return resolution.usable() ? resolution.term().map(t -> t.getValue()) : java.util.Optional.empty();
  }
}
