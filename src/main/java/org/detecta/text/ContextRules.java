package org.detecta.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NegEx/ConText trigger lists from {@code context-rules.tsv} ({@code lang<TAB>trigger<TAB>type<TAB>status}):
 * {@code pre} triggers open a scope forward, {@code post} triggers backward, {@code pseudo} triggers look like
 * triggers but are not (they are consumed and ignored), {@code termination} words end scopes. For pre/post the
 * status is absent, uncertain or family; for termination it names the scope that ends: negation
 * (absent and uncertain), family, or all. An {@code answer} is one word that, alone in the clause right after a
 * finding and a colon or comma ("Fiebre: no.", "Fever: absent"), gives that finding its status. Triggers are matched on lower-cased, accent-folded words.
 */
final class ContextRules {
  enum Type { PRE, POST, PSEUDO, TERMINATION, ANSWER }

  enum Scope { NEGATION, FAMILY, ALL }

  /** One trigger: its folded words, its type, the status it gives (pre/post) and the scope it ends (termination). */
  record Trigger(String[] words, Type type, FindingStatus status, Scope ends) {
  }

  private final Map<Language, Map<String, List<Trigger>>> byFirstWord;
  private final Map<Language, Map<String, FindingStatus>> answers;

  private ContextRules(Map<Language, Map<String, List<Trigger>>> byFirstWord,
                       Map<Language, Map<String, FindingStatus>> answers) {
    this.byFirstWord = byFirstWord;
    this.answers = answers;
  }

  static ContextRules bundled() {
    return TsvResource.bundled("context-rules.tsv", ContextRules::read);
  }

  static ContextRules read(InputStream in, String source) throws IOException {
    Map<Language, Map<String, List<Trigger>>> rules = new HashMap<>();
    Map<Language, Map<String, FindingStatus>> answers = new HashMap<>();
    Map<Language, TextAnalyzer> analyzers = Map.of(Language.ES, new TextAnalyzer(Language.ES, false),
        Language.EN, new TextAnalyzer(Language.EN, false));
    for (TsvResource.Row row : TsvResource.rows(in, source, "lang")) {
      String[] cols = row.columns();
      String where = row.where();
      if (cols.length < 4) {
        throw new IllegalArgumentException(where + "expected lang<TAB>trigger<TAB>type<TAB>status, got '" + row.line() + "'");
      }
      Language language = Language.parse(cols[0]);
      Type type = parseType(cols[2], where);
      FindingStatus status = null;
      Scope ends = null;
      if (type == Type.TERMINATION) {
        ends = Scope.valueOf(cols[3].trim().toUpperCase(Locale.ROOT));
      } else if (type != Type.PSEUDO) {
        status = FindingStatus.parse(cols[3]);
        if (status == FindingStatus.PRESENT) {
          throw new IllegalArgumentException(where + "a trigger cannot give status present");
        }
      }
      String[] words = analyzers.get(language).tokens(cols[1]).stream().map(Token::folded).toArray(String[]::new);
      if (words.length == 0) {
        throw new IllegalArgumentException(where + "empty trigger '" + cols[1] + "'");
      }
      if (type == Type.ANSWER) {
        if (words.length != 1) {
          throw new IllegalArgumentException(where + "an answer is one word, got '" + cols[1] + "'");
        }
        answers.computeIfAbsent(language, l -> new HashMap<>()).put(words[0], status);
        continue;
      }
      rules.computeIfAbsent(language, l -> new HashMap<>())
          .computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Trigger(words, type, status, ends));
    }
    rules.values().forEach(m -> m.values().forEach(l -> l.sort(
        Comparator.comparingInt((Trigger t) -> t.words().length).reversed())));
    return new ContextRules(rules, answers);
  }

  private static Type parseType(String value, String where) {
    try {
      return Type.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "unknown trigger type '" + value + "': use pre, post, pseudo, termination or answer");
    }
  }

  /** The status a one-word answer gives the finding before it ("Fiebre: no."), or null. */
  FindingStatus answer(Language language, String folded) {
    return answers.getOrDefault(language, Map.of()).get(folded);
  }

  /** The longest trigger of {@code language} starting at token {@code at} within one sentence, or null. */
  Trigger longestAt(Language language, List<Token> tokens, int at) {
    List<Trigger> candidates = byFirstWord.getOrDefault(language, Map.of()).get(tokens.get(at).folded());
    if (candidates == null) {
      return null;
    }
    for (Trigger trigger : candidates) {
      String[] words = trigger.words();
      if (at + words.length > tokens.size()) {
        continue;
      }
      boolean same = true;
      for (int k = 1; k < words.length && same; k++) {
        Token token = tokens.get(at + k);
        same = !token.sentenceBreak() && token.folded().equals(words[k]);
      }
      if (same) {
        return trigger;
      }
    }
    return null;
  }
}
