package org.detecta.text;

import org.detecta.kb.TermIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds dictionary terms in a tokenised note: every window of words inside one clause (stop words skipped
 * when allowed) is looked up; abbreviations from the wording file match their exact spelling; an
 * abbreviation defined in the note ("developmental delay (DD)") then matches wherever it recurs. Overlapping
 * candidates are resolved longest first, then most specific (deepest in the ontology), then leftmost.
 */
final class TermMatcher {
  /** A term spanning tokens {@code [first, last]}. */
  record Match(int first, int last, int term) {
    int words() {
      return last - first + 1;
    }
  }

  private static final java.util.Set<String> CONJUNCTIONS = java.util.Set.of("and", "or", "y", "e", "o", "u");

  private final TermDictionary dictionary;
  private final TermIndex terms;

  TermMatcher(TermDictionary dictionary, TermIndex terms) {
    this.dictionary = dictionary;
    this.terms = terms;
  }

  List<Match> match(String text, List<Token> tokens) {
    List<Match> candidates = new ArrayList<>();
    scanWindows(tokens, candidates);
    if (dictionary.options().wording()) {
      for (int i = 0; i < tokens.size(); i++) {
        Integer term = dictionary.abbreviation(surface(text, tokens.get(i)));
        if (term != null) {
          candidates.add(new Match(i, i, term));
        }
      }
    }
    if (dictionary.options().textAbbreviations()) {
      addDefinedAbbreviations(text, tokens, candidates);
    }
    List<Match> accepted = resolveOverlaps(candidates, tokens.size());
    return dictionary.options().anyWordOrder() ? addCoordinated(tokens, accepted) : accepted;
  }

  /**
   * Coordinated modifiers share the head of the last one: in "palmar and plantar pits" or "branchial, otic and
   * renal anomalies", the words before "and"/"or" combine with the rest of the matched term ("palmar pits").
   */
  private List<Match> addCoordinated(List<Token> tokens, List<Match> accepted) {
    boolean[] covered = new boolean[tokens.size()];
    accepted.forEach(m -> java.util.Arrays.fill(covered, m.first(), m.last() + 1, true));
    List<Match> result = new ArrayList<>(accepted);
    String[] window = new String[dictionary.maxWords() + 2];
    for (Match m : accepted) {
      int conj = m.first() - 1;
      if (m.words() < 2 || conj < 1 || tokens.get(m.first()).clauseBreak() || !CONJUNCTIONS.contains(tokens.get(conj).folded())) {
        continue;
      }
      int rest = 0;
      for (int t = m.first() + 1; t <= m.last(); t++) {
        if (!(dictionary.options().dropStopWords() && tokens.get(t).stop())) {
          window[2 + rest++] = tokens.get(t).key();
        }
      }
      int t = conj - 1;
      for (int listed = 0; t >= 0 && listed < 4; listed++) {
        Token word = tokens.get(t);
        if (covered[t] || word.stop() || !dictionary.inVocabulary(word.key())) {
          break;
        }
        Integer term = null;
        int first = t;
        boolean pair = t > 0 && !word.clauseBreak() && !covered[t - 1] && !tokens.get(t - 1).stop()
            && dictionary.inVocabulary(tokens.get(t - 1).key());
        if (pair) {
          window[0] = tokens.get(t - 1).key();
          window[1] = word.key();
          term = dictionary.lookup(dictionary.key(window, 2 + rest));
          first = term != null ? t - 1 : t;
        }
        if (term == null) {
          String[] single = new String[1 + rest];
          single[0] = word.key();
          System.arraycopy(window, 2, single, 1, rest);
          term = dictionary.lookup(dictionary.key(single, single.length));
        }
        if (term != null) {
          result.add(new Match(first, t, term));
        }
        if (!word.clauseBreak()) {
          break;
        }
        t--;
      }
    }
    result.sort(Comparator.comparingInt(Match::first));
    return result;
  }

  private void scanWindows(List<Token> tokens, List<Match> candidates) {
    boolean dropStop = dictionary.options().dropStopWords();
    int max = dictionary.maxWords();
    String[] window = new String[Math.max(1, max)];
    int n = tokens.size();
    for (int i = 0; i < n; i++) {
      Token first = tokens.get(i);
      if ((dropStop && first.stop()) || !dictionary.inVocabulary(first.key())) {
        continue;
      }
      int count = 0;
      for (int j = i; j < n && count < max; j++) {
        Token token = tokens.get(j);
        if (j > i && token.clauseBreak()) {
          break;
        }
        if (dropStop && token.stop()) {
          continue;
        }
        if (!dictionary.inVocabulary(token.key())) {
          break;
        }
        window[count++] = token.key();
        Integer term = dictionary.lookup(dictionary.key(window, count));
        if (term != null) {
          candidates.add(new Match(i, j, term));
        }
      }
    }
  }

  /** "long form (SF)": when a match ends right before the bracket and SF starts like the long form, SF means that term. */
  private void addDefinedAbbreviations(String text, List<Token> tokens, List<Match> candidates) {
    Map<Integer, Match> byLast = new HashMap<>();
    for (Match m : candidates) {
      Match known = byLast.get(m.last());
      if (known == null || m.words() > known.words()) {
        byLast.put(m.last(), m);
      }
    }
    Map<String, Integer> defined = new HashMap<>();
    for (int i = 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String shortForm = surface(text, token);
      if (!looksLikeAbbreviation(shortForm) || !enclosed(text, token)) {
        continue;
      }
      Match longForm = byLast.get(i - 1);
      if (longForm == null || !text.substring(tokens.get(i - 1).end(), token.start()).strip().equals("(")) {
        continue;
      }
      char initial = Character.toLowerCase(shortForm.charAt(0));
      if (Character.toLowerCase(text.charAt(tokens.get(longForm.first()).start())) == initial) {
        defined.putIfAbsent(shortForm, longForm.term());
      }
    }
    if (defined.isEmpty()) {
      return;
    }
    for (int i = 0; i < tokens.size(); i++) {
      Integer term = defined.get(surface(text, tokens.get(i)));
      if (term != null) {
        candidates.add(new Match(i, i, term));
      }
    }
  }

  private List<Match> resolveOverlaps(List<Match> candidates, int tokenCount) {
    candidates.sort(Comparator.comparingInt(Match::words).reversed()
        .thenComparing(Comparator.comparingInt((Match m) -> terms.ancestors(m.term()).length).reversed())
        .thenComparingInt(Match::first));
    boolean[] covered = new boolean[tokenCount];
    List<Match> accepted = new ArrayList<>();
    for (Match m : candidates) {
      boolean free = true;
      for (int t = m.first(); t <= m.last() && free; t++) {
        free = !covered[t];
      }
      if (free) {
        for (int t = m.first(); t <= m.last(); t++) {
          covered[t] = true;
        }
        accepted.add(m);
      }
    }
    accepted.sort(Comparator.comparingInt(Match::first));
    return accepted;
  }

  private static boolean looksLikeAbbreviation(String s) {
    if (s.length() < 2 || s.length() > 10) {
      return false;
    }
    int upper = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '-') {
        return false;
      }
      if (Character.isUpperCase(c)) {
        upper++;
      }
    }
    return upper >= 2 && Character.isLetter(s.charAt(0));
  }

  private static boolean enclosed(String text, Token token) {
    return token.start() > 0 && token.end() < text.length()
        && text.charAt(token.start() - 1) == '(' && text.charAt(token.end()) == ')';
  }

  private static String surface(String text, Token token) {
    return text.substring(token.start(), token.end());
  }
}
