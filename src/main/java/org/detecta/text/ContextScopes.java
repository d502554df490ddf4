package org.detecta.text;

import java.util.List;

/**
 * Gives each matched term its status, ConText style, on two independent axes within its sentence:
 * experiencer (a family trigger before it in the sentence, or after it within {@value #POST_WINDOW} words, with
 * no family/all termination between → FAMILY) and certainty (the nearest negation or uncertainty trigger in
 * scope → ABSENT or UNCERTAIN; pre triggers reach {@value #PRE_WINDOW} words forward, post triggers
 * {@value #POST_WINDOW} words back; a pre trigger wins a tie). FAMILY wins over the certainty axis: a
 * relative's finding is not the patient's, negated or not. Linear in the note's length: triggers are indexed
 * by token, and scopes are scanned over bounded windows.
 */
final class ContextScopes {
  static final int PRE_WINDOW = 10;
  static final int POST_WINDOW = 5;

  private final ContextRules rules;

  ContextScopes(ContextRules rules) {
    this.rules = rules;
  }

  FindingStatus[] statuses(Language language, List<Token> tokens, List<TermMatcher.Match> matches) {
    int n = tokens.size();
    boolean[] inTerm = new boolean[n];
    for (TermMatcher.Match m : matches) {
      java.util.Arrays.fill(inTerm, m.first(), m.last() + 1, true);
    }
    ContextRules.Trigger[] startsAt = new ContextRules.Trigger[n];
    ContextRules.Trigger[] endsAt = new ContextRules.Trigger[n];
    for (int t = 0; t < n; ) {
      ContextRules.Trigger trigger = rules.longestAt(language, tokens, t);
      if (trigger == null) {
        t++;
        continue;
      }
      int last = t + trigger.words().length - 1;
      if (!allInTerm(inTerm, t, last) && trigger.type() != ContextRules.Type.PSEUDO) {
        startsAt[t] = trigger;
        endsAt[last] = trigger;
      }
      t = last + 1;
    }
    boolean[] familyOpen = familyOpenBefore(tokens, endsAt);
    FindingStatus[] statuses = new FindingStatus[matches.size()];
    for (int i = 0; i < matches.size(); i++) {
      TermMatcher.Match m = matches.get(i);
      boolean family = familyOpen[m.first()] || familyAfter(tokens, startsAt, m.last());
      statuses[i] = family ? FindingStatus.FAMILY : answerOr(language, tokens, m, certainty(tokens, startsAt, endsAt, m));
    }
    return statuses;
  }

  /** For each token: is a family pre trigger open (earlier in the sentence, not terminated)? */
  private static boolean[] familyOpenBefore(List<Token> tokens, ContextRules.Trigger[] endsAt) {
    boolean[] open = new boolean[tokens.size()];
    boolean state = false;
    for (int t = 0; t < tokens.size(); t++) {
      if (tokens.get(t).sentenceBreak()) {
        state = false;
      }
      open[t] = state;
      ContextRules.Trigger e = endsAt[t];
      if (e != null && e.type() == ContextRules.Type.PRE && e.status() == FindingStatus.FAMILY) {
        state = true;
      } else if (ends(e, ContextRules.Scope.FAMILY)) {
        state = false;
      }
    }
    return open;
  }

  private static boolean familyAfter(List<Token> tokens, ContextRules.Trigger[] startsAt, int last) {
    for (int t = last + 1; t < tokens.size() && t - last <= POST_WINDOW && !tokens.get(t).sentenceBreak(); t++) {
      ContextRules.Trigger e = startsAt[t];
      if (ends(e, ContextRules.Scope.FAMILY)) {
        return false;
      }
      if (e != null && e.type() == ContextRules.Type.POST && e.status() == FindingStatus.FAMILY) {
        return true;
      }
    }
    return false;
  }

  private static FindingStatus certainty(List<Token> tokens, ContextRules.Trigger[] startsAt,
                                         ContextRules.Trigger[] endsAt, TermMatcher.Match m) {
    FindingStatus pre = null;
    int preDistance = Integer.MAX_VALUE;
    for (int t = m.first() - 1; t >= 0 && m.first() - t <= PRE_WINDOW && !tokens.get(t + 1).sentenceBreak(); t--) {
      ContextRules.Trigger e = endsAt[t];
      if (ends(e, ContextRules.Scope.NEGATION)) {
        break;
      }
      if (e != null && e.type() == ContextRules.Type.PRE && e.status() != FindingStatus.FAMILY) {
        pre = e.status();
        preDistance = m.first() - t;
        break;
      }
    }
    for (int t = m.last() + 1; t < tokens.size() && t - m.last() < preDistance && t - m.last() <= POST_WINDOW
        && !tokens.get(t).sentenceBreak(); t++) {
      ContextRules.Trigger e = startsAt[t];
      if (ends(e, ContextRules.Scope.NEGATION)) {
        break;
      }
      if (e != null && e.type() == ContextRules.Type.POST && e.status() != FindingStatus.FAMILY) {
        return e.status();
      }
    }
    return pre == null ? FindingStatus.PRESENT : pre;
  }

  /** "Fiebre: no." — a one-word answer alone in the clause right after the finding decides its status. */
  private FindingStatus answerOr(Language language, List<Token> tokens, TermMatcher.Match m, FindingStatus otherwise) {
    int a = m.last() + 1;
    if (a >= tokens.size() || !tokens.get(a).clauseBreak() || tokens.get(a).sentenceBreak()) {
      return otherwise;
    }
    boolean alone = a + 1 == tokens.size() || tokens.get(a + 1).clauseBreak();
    FindingStatus answer = alone ? rules.answer(language, tokens.get(a).folded()) : null;
    return answer == null ? otherwise : answer;
  }

  private static boolean ends(ContextRules.Trigger e, ContextRules.Scope axis) {
    return e != null && e.type() == ContextRules.Type.TERMINATION
        && (e.ends() == ContextRules.Scope.ALL || e.ends() == axis);
  }

  private static boolean allInTerm(boolean[] inTerm, int first, int last) {
    for (int t = first; t <= last; t++) {
      if (!inTerm[t]) {
        return false;
      }
    }
    return true;
  }
}
