package org.detecta.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each matched term its status, ConText style, on two independent axes within its sentence:
 * experiencer (a family trigger before it, or after it within a few words, with no family/all termination
 * between → FAMILY) and certainty (the nearest negation or uncertainty trigger in scope → ABSENT or UNCERTAIN;
 * pre triggers reach {@value #PRE_WINDOW} words forward, post triggers {@value #POST_WINDOW} words back).
 * FAMILY wins over the certainty axis: a relative's finding is not the patient's, negated or not.
 */
final class ContextScopes {
  static final int PRE_WINDOW = 10;
  static final int POST_WINDOW = 5;

  private record Event(int first, int last, ContextRules.Trigger trigger) {
  }

  private final ContextRules rules;

  ContextScopes(ContextRules rules) {
    this.rules = rules;
  }

  FindingStatus[] statuses(Language language, List<Token> tokens, List<TermMatcher.Match> matches) {
    boolean[] inTerm = new boolean[tokens.size()];
    for (TermMatcher.Match m : matches) {
      for (int t = m.first(); t <= m.last(); t++) {
        inTerm[t] = true;
      }
    }
    int[] sentence = new int[tokens.size()];
    for (int t = 0, s = 0; t < tokens.size(); t++) {
      s += tokens.get(t).sentenceBreak() ? 1 : 0;
      sentence[t] = s;
    }
    List<Event> events = new ArrayList<>();
    for (int t = 0; t < tokens.size(); ) {
      ContextRules.Trigger trigger = rules.longestAt(language, tokens, t);
      if (trigger == null) {
        t++;
        continue;
      }
      int last = t + trigger.words().length - 1;
      if (!allInTerm(inTerm, t, last)) {
        events.add(new Event(t, last, trigger));
      }
      t = last + 1;
    }
    java.util.Map<Integer, List<Event>> bySentence = new java.util.HashMap<>();
    for (Event e : events) {
      bySentence.computeIfAbsent(sentence[e.first()], k -> new ArrayList<>()).add(e);
    }
    FindingStatus[] statuses = new FindingStatus[matches.size()];
    for (int i = 0; i < matches.size(); i++) {
      List<Event> local = bySentence.getOrDefault(sentence[matches.get(i).first()], List.of());
      statuses[i] = status(matches.get(i), local, sentence);
    }
    return statuses;
  }

  private static FindingStatus status(TermMatcher.Match m, List<Event> events, int[] sentence) {
    int s = sentence[m.first()];
    boolean family = false;
    FindingStatus certainty = FindingStatus.PRESENT;
    int nearest = Integer.MAX_VALUE;
    for (Event e : events) {
      ContextRules.Type type = e.trigger().type();
      if (sentence[e.first()] != s || (type != ContextRules.Type.PRE && type != ContextRules.Type.POST)) {
        continue;
      }
      boolean pre = type == ContextRules.Type.PRE;
      if (pre ? e.last() >= m.first() : e.first() <= m.last()) {
        continue;
      }
      int from = pre ? e.last() : m.last();
      int to = pre ? m.first() : e.first();
      int distance = to - from;
      boolean isFamily = e.trigger().status() == FindingStatus.FAMILY;
      ContextRules.Scope axis = isFamily ? ContextRules.Scope.FAMILY : ContextRules.Scope.NEGATION;
      if (terminated(events, from, to, axis)) {
        continue;
      }
      if (isFamily) {
        family |= pre || distance <= POST_WINDOW;
      } else if (distance <= (pre ? PRE_WINDOW : POST_WINDOW) && distance < nearest) {
        nearest = distance;
        certainty = e.trigger().status();
      }
    }
    return family ? FindingStatus.FAMILY : certainty;
  }

  private static boolean terminated(List<Event> events, int from, int to, ContextRules.Scope axis) {
    for (Event e : events) {
      ContextRules.Trigger t = e.trigger();
      if (t.type() == ContextRules.Type.TERMINATION && e.first() > from && e.last() < to
          && (t.ends() == ContextRules.Scope.ALL || t.ends() == axis)) {
        return true;
      }
    }
    return false;
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
