package org.detecta.text;

import org.detecta.kb.TermIndex;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a clinical note in Spanish or English and returns its findings: HPO terms with exact character
 * offsets, the matched text, the label in the note's language and a status. Build once (≈1–2 s: both
 * dictionaries), then share: {@link #extract} is thread-safe and allocates only per call.
 */
public final class NoteExtractor {
  /** Longest note accepted, in characters; longer input is rejected rather than silently cut. */
  public static final int MAX_CHARS = 2_000_000;

  private final TermIndex terms;
  private final SpanishLabels spanish;
  private final Map<Language, TermDictionary> dictionaries = new EnumMap<>(Language.class);
  private final Map<Language, TermMatcher> matchers = new EnumMap<>(Language.class);
  private final ContextScopes scopes;
  private final LanguageDetector detector = new LanguageDetector();

  private NoteExtractor(TermIndex terms, SpanishLabels spanish, ClinicalWording wording, MatchOptions options,
                        ContextRules rules) {
    this.terms = Objects.requireNonNull(terms, "terms");
    this.spanish = Objects.requireNonNull(spanish, "spanish");
    for (Language language : List.of(Language.ES, Language.EN)) {
      TermDictionary dictionary = TermDictionary.build(terms, language, spanish, wording, options);
      dictionaries.put(language, dictionary);
      matchers.put(language, new TermMatcher(dictionary, terms));
    }
    this.scopes = new ContextScopes(rules);
  }

  /** The product: ontology labels and synonyms, Spanish labels, the bundled wording file, stemming, free word order. */
  public static NoteExtractor create(TermIndex terms, SpanishLabels spanish) {
    return new NoteExtractor(terms, spanish, ClinicalWording.bundled(), MatchOptions.full(), ContextRules.bundled());
  }

  /** A variant with other matching options (e.g. {@link MatchOptions#baseline()} for comparison). */
  public static NoteExtractor create(TermIndex terms, SpanishLabels spanish, MatchOptions options) {
    return new NoteExtractor(terms, spanish, ClinicalWording.bundled(), options, ContextRules.bundled());
  }

  /** The product's matching with another wording list (e.g. the bundled file plus phrases learnt in a CV fold). */
  public static NoteExtractor create(TermIndex terms, SpanishLabels spanish, ClinicalWording wording) {
    return new NoteExtractor(terms, spanish, wording, MatchOptions.full(), ContextRules.bundled());
  }

  /**
   * Extracts the findings of {@code text}. {@code language} AUTO detects Spanish or English; a note whose
   * language cannot be told, an empty note, binary data or a note over {@link #MAX_CHARS} is rejected with
   * a {@link NoteRejectedException} (an {@link IllegalArgumentException}) that says why.
   */
  public Extraction extract(String text, Language language) {
    validate(text);
    Language used = language == Language.AUTO ? detect(text) : Objects.requireNonNull(language, "language");
    TermDictionary dictionary = dictionaries.get(used);
    List<Token> tokens = dictionary.analyzer().tokens(text);
    List<TermMatcher.Match> matches = matchers.get(used).match(text, tokens);
    FindingStatus[] statuses = scopes.statuses(used, tokens, matches);
    List<Finding> findings = new ArrayList<>(matches.size());
    for (int i = 0; i < matches.size(); i++) {
      TermMatcher.Match m = matches.get(i);
      int start = tokens.get(m.first()).start();
      int end = tokens.get(m.last()).end();
      findings.add(new Finding(start, end, text.substring(start, end), terms.id(m.term()).getValue(),
          label(m.term(), used), statuses[i]));
    }
    return new Extraction(used, findings);
  }

  /** Spanish or English, by function-word counts, then by which dictionary knows more of the words. */
  public Language detect(String text) {
    List<Token> tokens = dictionaries.get(Language.ES).analyzer().tokens(text);
    LanguageDetector.Counts counts = detector.count(text, tokens);
    Language winner = counts.winner();
    if (winner != null) {
      return winner;
    }
    int es = known(Language.ES, text);
    int en = known(Language.EN, text);
    if (es != en) {
      return es > en ? Language.ES : Language.EN;
    }
    throw new NoteRejectedException(NoteRejectedException.Reason.UNKNOWN_LANGUAGE, "Cannot tell whether the note is Spanish or English (" + counts.spanish()
        + " Spanish and " + counts.english() + " English function words, " + es + " and " + en
        + " known terms); pass the language explicitly: es or en");
  }

  /** The label of a term in {@code language}: the official Spanish label when there is one, else the English one. */
  public String label(int term, Language language) {
    if (language == Language.ES) {
      return spanish.label(terms.id(term).getValue()).orElse(terms.label(term));
    }
    return terms.label(term);
  }

  /** Number of phrases indexed for {@code language}. */
  public int dictionarySize(Language language) {
    return dictionaries.get(language).size();
  }

  /** Reviewed wording entries left out because their id is not a current term of this ontology (empty for the real HPO). */
  public List<ClinicalWording.Entry> skippedWording() {
    List<ClinicalWording.Entry> skipped = new ArrayList<>();
    dictionaries.values().forEach(d -> skipped.addAll(d.skipped()));
    return skipped;
  }

  private int known(Language language, String text) {
    TermDictionary dictionary = dictionaries.get(language);
    return (int) dictionary.analyzer().tokens(text).stream().filter(t -> dictionary.inVocabulary(t.key())).count();
  }

  private static void validate(String text) {
    if (text == null || text.isBlank()) {
      throw new NoteRejectedException(NoteRejectedException.Reason.EMPTY, "The note is empty: give the text of a clinical note");
    }
    if (text.length() > MAX_CHARS) {
      throw new NoteRejectedException(NoteRejectedException.Reason.TOO_LONG, "The note has " + text.length() + " characters, more than the limit of "
          + MAX_CHARS + ": split it into smaller notes");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000' || c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
        throw new NoteRejectedException(NoteRejectedException.Reason.BINARY, String.format("The note looks like binary data (character U+%04X at offset %d): "
            + "give plain UTF-8 text", (int) c, i));
      }
    }
  }
}
