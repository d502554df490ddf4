package org.detecta.text;

import org.detecta.kb.TermIndex;
import org.monarchinitiative.phenol.ontology.data.TermId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ontology as a lookup table for one language: every phrase (label, synonym, reviewed wording) is
 * analysed like the text and stored under its key (its word keys, sorted when word order is free), so
 * matching is a hash lookup per window of words. Only phenotypic abnormalities (HP:0000118) are indexed.
 * When two terms share a key, reviewed wording beats labels, labels beat synonyms, then the lower index wins.
 */
final class TermDictionary {
  static final TermId PHENOTYPIC_ABNORMALITY = TermId.of("HP:0000118");
  private static final int PRIORITY_SYNONYM = 1;
  private static final int PRIORITY_LABEL = 2;
  private static final int PRIORITY_WORDING = 3;
  private static final int MAX_WORDS = 10;

  private final TextAnalyzer analyzer;
  private final MatchOptions options;
  private final Map<String, Integer> termByKey = new HashMap<>();
  private final Map<String, Integer> priorityByKey = new HashMap<>();
  private final Set<String> vocabulary = new HashSet<>();
  private final Map<String, Integer> abbreviations = new HashMap<>();
  private final List<ClinicalWording.Entry> skipped = new ArrayList<>();
  private int maxWords;

  private TermDictionary(TextAnalyzer analyzer, MatchOptions options) {
    this.analyzer = analyzer;
    this.options = options;
  }

  /** Builds the dictionary of {@code language} from the ontology, the Spanish labels and the wording file. */
  static TermDictionary build(TermIndex terms, Language language, SpanishLabels spanish, ClinicalWording wording,
                              MatchOptions options) {
    TermDictionary dictionary = new TermDictionary(new TextAnalyzer(language, options.stem(),
        options.stem() ? WordClusters.of(language) : List.of()), options);
    int root = terms.indexOf(PHENOTYPIC_ABNORMALITY).orElseThrow(
        () -> new IllegalStateException("The ontology has no " + PHENOTYPIC_ABNORMALITY + " (Phenotypic abnormality)"));
    for (int i = 0; i < terms.size(); i++) {
      if (i == root || !terms.isAncestorOrSelf(root, i)) {
        continue;
      }
      if (language == Language.EN) {
        dictionary.add(terms.label(i), i, PRIORITY_LABEL);
        for (String synonym : terms.synonyms(i)) {
          dictionary.add(synonym, i, PRIORITY_SYNONYM);
        }
      } else {
        String id = terms.id(i).getValue();
        Optional<String> label = spanish.label(id);
        if (label.isPresent()) {
          dictionary.add(label.get(), i, PRIORITY_LABEL);
        }
        for (String synonym : spanish.synonyms(id)) {
          dictionary.add(synonym, i, PRIORITY_SYNONYM);
        }
      }
    }
    if (options.wording()) {
      for (ClinicalWording.Entry entry : wording.entries(language)) {
        Optional<Integer> index = terms.indexOf(TermId.of(entry.hpoId()));
        if (index.isEmpty()) {
          // an older or trimmed ontology: the entry cannot be used; reported, checked against the real HPO in tests
          dictionary.skipped.add(entry);
          continue;
        }
        if (entry.abbreviation()) {
          dictionary.abbreviations.put(entry.phrase(), index.get());
        } else {
          dictionary.add(entry.phrase(), index.get(), PRIORITY_WORDING);
        }
      }
    }
    return dictionary;
  }

  private void add(String phrase, int term, int priority) {
    List<Token> tokens = analyzer.tokens(phrase);
    List<String> words = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      if (!(options.dropStopWords() && token.stop())) {
        words.add(token.key());
      }
    }
    if (words.isEmpty() || words.size() > MAX_WORDS || (words.size() == 1 && words.get(0).length() < 3)) {
      return;
    }
    String key = key(words.toArray(String[]::new), words.size());
    Integer previous = priorityByKey.get(key);
    if (previous != null && (previous > priority || (previous == priority && termByKey.get(key) <= term))) {
      return;
    }
    termByKey.put(key, term);
    priorityByKey.put(key, priority);
    vocabulary.addAll(words);
    maxWords = Math.max(maxWords, words.size());
  }

  /** The lookup key of {@code words[0, length)}; sorts a copy when word order is free. */
  String key(String[] words, int length) {
    String[] copy = Arrays.copyOf(words, length);
    if (options.anyWordOrder()) {
      Arrays.sort(copy);
    }
    return String.join(" ", copy);
  }

  Integer lookup(String key) {
    return termByKey.get(key);
  }

  Integer abbreviation(String surface) {
    return abbreviations.get(surface);
  }

  boolean inVocabulary(String word) {
    return vocabulary.contains(word);
  }

  int maxWords() {
    return maxWords;
  }

  /** Wording entries whose id is not a current term of this ontology. */
  List<ClinicalWording.Entry> skipped() {
    return List.copyOf(skipped);
  }

  int size() {
    return termByKey.size();
  }

  TextAnalyzer analyzer() {
    return analyzer;
  }

  MatchOptions options() {
    return options;
  }
}
