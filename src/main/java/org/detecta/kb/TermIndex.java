package org.detecta.kb;

import org.monarchinitiative.phenol.ontology.data.MinimalOntology;
import org.monarchinitiative.phenol.ontology.data.Term;
import org.monarchinitiative.phenol.ontology.data.TermId;
import org.monarchinitiative.phenol.ontology.data.TermSynonym;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HPO as dense int arrays, built once at load time so ranking never walks a graph per request:
 * every current term gets an index; parents and the ancestor closure (self included, sorted) are
 * int arrays; alternative ids map to their current term.
 */
public final class TermIndex {
  private static final Pattern HPO_ID = Pattern.compile("HP:\\d{7}");

  private final TermId[] ids;
  private final String[] labels;
  private final List<List<String>> synonyms;
  private final int[][] parents;
  private final int[][] children;
  private final int[][] ancestors;
  private final Map<TermId, Integer> indexById;
  private final Map<TermId, Integer> indexByAltId;
  /** Obsolete ids that are not alt ids, mapped to the index of their replacement or -1 when there is none. */
  private final Map<TermId, Integer> obsolete;
  private final String release;

  private TermIndex(TermId[] ids, String[] labels, List<List<String>> synonyms, int[][] parents,
                    Map<TermId, Integer> indexById, Map<TermId, Integer> indexByAltId,
                    Map<TermId, Integer> obsolete, String release) {
    this.ids = ids;
    this.labels = labels;
    this.synonyms = synonyms;
    this.parents = parents;
    this.indexById = indexById;
    this.indexByAltId = indexByAltId;
    this.obsolete = obsolete;
    this.release = release;
    this.children = invert(parents);
    this.ancestors = closure(parents);
  }

  /** Indexes every current term of the ontology (obsolete ones are remembered only to be reported). */
  public static TermIndex of(MinimalOntology ontology) {
    return of(ontology, Map.of());
  }

  /**
   * As {@link #of(MinimalOntology)}, also knowing the deprecated classes phenol leaves out and their
   * {@code replaced_by} term (see {@link ObsoleteTerms}); an obsolete id with a current replacement resolves to it.
   */
  public static TermIndex of(MinimalOntology ontology, Map<TermId, Optional<TermId>> deprecated) {
    List<TermId> current = new ArrayList<>(ontology.nonObsoleteTermIdCount());
    ontology.nonObsoleteTermIds().forEach(current::add);
    current.sort(TermId::compareTo);
    TermId[] ids = current.toArray(TermId[]::new);
    Map<TermId, Integer> indexById = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      indexById.put(ids[i], i);
    }
    String[] labels = new String[ids.length];
    List<List<String>> synonyms = new ArrayList<>(ids.length);
    Map<TermId, Integer> indexByAltId = new HashMap<>();
    int[][] parents = new int[ids.length][];
    int[] buffer = new int[64];
    for (int i = 0; i < ids.length; i++) {
      Term term = ontology.termForTermId(ids[i]).orElseThrow();
      labels[i] = term.getName();
      synonyms.add(synonymsOf(term));
      for (TermId alt : term.getAltTermIds()) {
        if (!indexById.containsKey(alt)) {
          indexByAltId.put(alt, i);
        }
      }
      int n = 0;
      for (TermId parent : ontology.graph().getParents(ids[i])) {
        Integer p = indexById.get(parent);
        if (p != null) {
          if (n == buffer.length) {
            buffer = Arrays.copyOf(buffer, 2 * n);
          }
          buffer[n++] = p;
        }
      }
      parents[i] = Arrays.copyOf(buffer, n);
      Arrays.sort(parents[i]);
    }
    Map<TermId, Integer> obsolete = new HashMap<>();
    ontology.obsoleteTermIds().forEach(t -> {
      if (!indexById.containsKey(t) && !indexByAltId.containsKey(t)) {
        obsolete.put(t, -1);
      }
    });
    deprecated.forEach((t, replacement) -> {
      if (!indexById.containsKey(t) && !indexByAltId.containsKey(t)) {
        obsolete.put(t, replacement.map(indexById::get).orElse(-1));
      }
    });
    String release = ontology.version().orElse("unknown");
    return new TermIndex(ids, labels, synonyms, parents, indexById, indexByAltId, obsolete, release);
  }

  /**
   * Rebuilds an index from its parts as {@link KnowledgeBaseCache} stored them (children and the ancestor
   * closure are derived again). Every parent and mapped index must name a term of {@code ids}.
   */
  static TermIndex of(TermId[] ids, String[] labels, List<List<String>> synonyms, int[][] parents,
                      Map<TermId, Integer> indexByAltId, Map<TermId, Integer> obsolete, String release) {
    if (labels.length != ids.length || synonyms.size() != ids.length || parents.length != ids.length) {
      throw new IllegalArgumentException("term index parts disagree on the number of terms");
    }
    Map<TermId, Integer> indexById = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      indexById.put(ids[i], i);
      for (int p : parents[i]) {
        requireIndex(p, 0, ids.length, "parent");
      }
    }
    indexByAltId.values().forEach(i -> requireIndex(i, 0, ids.length, "alternative id"));
    obsolete.values().forEach(i -> requireIndex(i, -1, ids.length, "obsolete id")); // -1: no replacement
    return new TermIndex(ids, labels, List.copyOf(synonyms), parents, indexById, Map.copyOf(indexByAltId),
        Map.copyOf(obsolete), release);
  }

  private static void requireIndex(int index, int min, int size, String what) {
    if (index < min || index >= size) {
      throw new IllegalArgumentException(what + " index " + index + " outside " + min + ".." + (size - 1));
    }
  }

  /** Alternative ids and the current term each maps to (for {@link KnowledgeBaseCache}). */
  Map<TermId, Integer> alternativeIds() {
    return java.util.Collections.unmodifiableMap(indexByAltId);
  }

  /** Obsolete ids that are not alternative ids, with their replacement's index or -1 (for {@link KnowledgeBaseCache}). */
  Map<TermId, Integer> obsoleteIds() {
    return java.util.Collections.unmodifiableMap(obsolete);
  }

  private static List<String> synonymsOf(Term term) {
    List<TermSynonym> raw = term.getSynonyms();
    if (raw.isEmpty()) {
      return List.of();
    }
    List<String> values = new ArrayList<>(raw.size());
    for (TermSynonym synonym : raw) {
      if (!values.contains(synonym.getValue())) {
        values.add(synonym.getValue());
      }
    }
    return List.copyOf(values);
  }

  public int size() {
    return ids.length;
  }

  public String release() {
    return release;
  }

  public TermId id(int index) {
    return ids[index];
  }

  public String label(int index) {
    return labels[index];
  }

  public List<String> synonyms(int index) {
    return synonyms.get(index);
  }

  /** Direct parents (is_a), as indices. The returned array must not be modified. */
  public int[] parents(int index) {
    return parents[index];
  }

  /** Direct children, as indices. The returned array must not be modified. */
  public int[] children(int index) {
    return children[index];
  }

  /** All ancestors including the term itself, sorted ascending. The returned array must not be modified. */
  public int[] ancestors(int index) {
    return ancestors[index];
  }

  /** True when {@code ancestor} is {@code term} itself or one of its ancestors. */
  public boolean isAncestorOrSelf(int ancestor, int term) {
    return Arrays.binarySearch(ancestors[term], ancestor) >= 0;
  }

  /**
   * The index of a current term, following alternative ids and the replacement of an obsolete id; empty for
   * unknown ids and obsolete ones without a replacement.
   */
  public Optional<Integer> indexOf(TermId id) {
    Integer index = indexById.get(id);
    if (index == null) {
      index = indexByAltId.get(id);
    }
    if (index == null) {
      index = obsolete.get(id);
      if (index != null && index < 0) {
        index = null;
      }
    }
    return Optional.ofNullable(index);
  }

  /** Resolves a user- or file-supplied id, explaining why it cannot be used when it cannot. */
  public TermResolution resolve(String input) {
    String trimmed = input == null ? "" : input.trim();
    if (!HPO_ID.matcher(trimmed).matches()) {
      return new TermResolution(trimmed, TermResolution.Status.MALFORMED, Optional.empty());
    }
    TermId id = TermId.of(trimmed);
    Integer index = indexById.get(id);
    if (index != null) {
      return new TermResolution(trimmed, TermResolution.Status.CURRENT, Optional.of(ids[index]));
    }
    index = indexByAltId.get(id);
    if (index != null) {
      return new TermResolution(trimmed, TermResolution.Status.ALTERNATIVE, Optional.of(ids[index]));
    }
    index = obsolete.get(id);
    if (index != null) {
      return new TermResolution(trimmed, TermResolution.Status.OBSOLETE,
          index < 0 ? Optional.empty() : Optional.of(ids[index]));
    }
    return new TermResolution(trimmed, TermResolution.Status.UNKNOWN, Optional.empty());
  }

  private static int[][] invert(int[][] parents) {
    int[] counts = new int[parents.length];
    for (int[] ps : parents) {
      for (int p : ps) {
        counts[p]++;
      }
    }
    int[][] children = new int[parents.length][];
    for (int i = 0; i < parents.length; i++) {
      children[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (int child = 0; child < parents.length; child++) {
      for (int p : parents[child]) {
        children[p][counts[p]++] = child;
      }
    }
    return children;
  }

  /** Ancestor closure by memoised union of the parents' closures, with a stamp array instead of a set per term. */
  private static int[][] closure(int[][] parents) {
    int[][] result = new int[parents.length][];
    int[] stamp = new int[parents.length];
    int[] counter = {0};
    for (int i = 0; i < parents.length; i++) {
      fill(i, parents, result, stamp, counter);
    }
    return result;
  }

  private static int[] fill(int term, int[][] parents, int[][] result, int[] stamp, int[] counter) {
    if (result[term] != null) {
      return result[term];
    }
    int[][] parentClosures = new int[parents[term].length][];
    int capacity = 1;
    for (int k = 0; k < parentClosures.length; k++) {
      parentClosures[k] = fill(parents[term][k], parents, result, stamp, counter);
      capacity += parentClosures[k].length;
    }
    int mark = ++counter[0];
    int[] union = new int[capacity];
    int n = 0;
    union[n++] = term;
    stamp[term] = mark;
    for (int[] closure : parentClosures) {
      for (int a : closure) {
        if (stamp[a] != mark) {
          stamp[a] = mark;
          union[n++] = a;
        }
      }
    }
    int[] sorted = Arrays.copyOf(union, n);
    Arrays.sort(sorted);
    result[term] = sorted;
    return sorted;
  }
}
