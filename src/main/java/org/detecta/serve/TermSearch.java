package org.detecta.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Autocomplete and exact label lookup over every finding name, built once: a sorted array of folded
 * tokens (each pointing at its entry) answers a prefix query by binary search, so a request touches only
 * the entries sharing the query's rarest token prefix, never the whole vocabulary.
 */
public final class TermSearch {
  /** Upper bound on entries examined per query, so a one-letter prefix stays cheap. */
  private static final int MAX_SCANNED = 4000;

  private final TermEntry[] entries;
  private final String[] foldedLabels;
  private final String[] tokens;
  private final int[] tokenEntry;
  private final Map<String, List<Integer>> byFoldedLabel;

  public TermSearch(List<TermEntry> all) {
    this(all.toArray(TermEntry[]::new), new String[all.size()], 0, new HashMap<>(all.size() * 2),
        new String[0], new int[0]);
  }

  /**
   * Folds {@code entries[from..]} and indexes them after the first {@code from}, whose folded labels, label map and
   * sorted tokens are given; the result is the same as building the search from all entries at once.
   */
  private TermSearch(TermEntry[] entries, String[] foldedLabels, int from, Map<String, List<Integer>> byFoldedLabel,
                     String[] baseTokens, int[] baseTokenEntry) {
    this.entries = entries;
    this.foldedLabels = foldedLabels;
    this.byFoldedLabel = byFoldedLabel;
    List<Token> list = new ArrayList<>((entries.length - from) * 3);
    for (int i = from; i < entries.length; i++) {
      foldedLabels[i] = TextFold.fold(entries[i].label());
      byFoldedLabel.merge(foldedLabels[i], List.of(i), TermSearch::concat);
      for (String token : foldedLabels[i].split(" ")) {
        if (!token.isEmpty()) {
          list.add(new Token(token, i));
        }
      }
    }
    Token[] sorted = sortStably(list);
    // merged with the earlier entries' tokens, which come first among equal tokens (their entries come first)
    this.tokens = new String[baseTokens.length + sorted.length];
    this.tokenEntry = new int[tokens.length];
    int b = 0;
    int n = 0;
    for (int k = 0; k < tokens.length; k++) {
      if (n == sorted.length || (b < baseTokens.length && baseTokens[b].compareTo(sorted[n].text()) <= 0)) {
        tokens[k] = baseTokens[b];
        tokenEntry[k] = baseTokenEntry[b++];
      } else {
        tokens[k] = sorted[n].text();
        tokenEntry[k] = sorted[n++].entry();
      }
    }
  }

  /**
   * This search with {@code more} entries after its own, folding and sorting only those: equal to
   * {@code new TermSearch(all entries)}, and much cheaper when this search is the large fixed part (HPO labels).
   */
  public TermSearch plus(List<TermEntry> more) {
    TermEntry[] all = Arrays.copyOf(entries, entries.length + more.size());
    for (int i = 0; i < more.size(); i++) {
      all[entries.length + i] = more.get(i);
    }
    return new TermSearch(all, Arrays.copyOf(foldedLabels, all.length), entries.length, new HashMap<>(byFoldedLabel),
        tokens, tokenEntry);
  }

  /**
   * The tokens ordered by text, equal texts in list (= entry) order: the distinct words are sorted, then each token
   * is placed by its word's rank (a counting sort), far cheaper than sorting every token by string comparison.
   */
  private static Token[] sortStably(List<Token> tokens) {
    Map<String, Integer> rank = new HashMap<>();
    for (Token token : tokens) {
      rank.putIfAbsent(token.text(), 0);
    }
    String[] words = rank.keySet().toArray(String[]::new);
    Arrays.sort(words);
    int[] start = new int[words.length + 1];
    for (int r = 0; r < words.length; r++) {
      rank.put(words[r], r);
    }
    int[] ranks = new int[tokens.size()];
    for (int k = 0; k < ranks.length; k++) {
      ranks[k] = rank.get(tokens.get(k).text());
      start[ranks[k] + 1]++;
    }
    for (int r = 0; r < words.length; r++) {
      start[r + 1] += start[r];
    }
    Token[] sorted = new Token[tokens.size()];
    for (int k = 0; k < ranks.length; k++) {
      sorted[start[ranks[k]]++] = tokens.get(k);
    }
    return sorted;
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> both = new ArrayList<>(a.size() + b.size());
    both.addAll(a);
    both.addAll(b);
    return List.copyOf(both);
  }

  private record Token(String text, int entry) {
  }

  public int size() {
    return entries.length;
  }

  /** Every entry whose folded label equals the folded text (any language). */
  public List<TermEntry> exact(String text) {
    List<Integer> hits = byFoldedLabel.get(TextFold.fold(text));
    return hits == null ? List.of() : hits.stream().map(i -> entries[i]).toList();
  }

  /**
   * Up to {@code limit} entries, one per id, whose label has a word starting with each query word; the
   * requested language first, then labels starting with the query, then shorter labels, then id.
   */
  public List<TermEntry> search(String query, String lang, int limit) {
    String[] words = TextFold.tokens(query);
    if (words.length == 0 || limit <= 0) {
      return List.of();
    }
    int bestFrom = 0;
    int bestTo = -1;
    for (String word : words) {
      int from = lowerBound(word);
      int to = lowerBound(word + Character.MAX_VALUE);
      if (bestTo < 0 || to - from < bestTo - bestFrom) {
        bestFrom = from;
        bestTo = to;
      }
    }
    String folded = String.join(" ", words);
    String[] spaced = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      spaced[i] = " " + words[i];
    }
    Map<String, Scored> best = new HashMap<>();
    for (int t = bestFrom; t < bestTo && t < bestFrom + MAX_SCANNED; t++) {
      int e = tokenEntry[t];
      // One word: the token range already guarantees a word of the label starts with it.
      if (words.length > 1 && !allWordsMatch(foldedLabels[e], words, spaced)) {
        continue;
      }
      TermEntry entry = entries[e];
      int score = (entry.lang().equals(lang) || entry.lang().equals("any") ? 0 : 4)
          + (foldedLabels[e].equals(folded) ? 0 : foldedLabels[e].startsWith(folded) ? 1 : 2);
      Scored candidate = new Scored(entry, score, foldedLabels[e].length());
      best.merge(entry.id(), candidate, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
    }
    return best.values().stream().sorted(ORDER).limit(limit).map(Scored::entry).toList();
  }

  private static final Comparator<Scored> ORDER = Comparator.comparingInt(Scored::score)
      .thenComparingInt(Scored::length).thenComparing(s -> s.entry().id());

  private record Scored(TermEntry entry, int score, int length) {
  }

  private static boolean allWordsMatch(String label, String[] words, String[] spaced) {
    for (int i = 0; i < words.length; i++) {
      if (!(label.startsWith(words[i]) || label.contains(spaced[i]))) {
        return false;
      }
    }
    return true;
  }

  private int lowerBound(String key) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens[mid].compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
