package org.detecta.kb;

import org.monarchinitiative.phenol.ontology.data.MinimalOntology;
import org.monarchinitiative.phenol.ontology.data.Term;
import org.monarchinitiative.phenol.ontology.data.TermId;

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
  private final java.util.Set<TermId> obsolete;
  private final String release;

  private TermIndex(TermId[] ids, String[] labels, List<List<String>> synonyms, int[][] parents,
                    Map<TermId, Integer> indexById, Map<TermId, Integer> indexByAltId,
                    java.util.Set<TermId> obsolete, String release) {
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
    List<TermId> current = new ArrayList<>();
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
    for (int i = 0; i < ids.length; i++) {
      Term term = ontology.termForTermId(ids[i]).orElseThrow();
      labels[i] = term.getName();
      synonyms.add(term.getSynonyms().stream().map(s -> s.getValue()).distinct().toList());
      for (TermId alt : term.getAltTermIds()) {
        if (!indexById.containsKey(alt)) {
          indexByAltId.put(alt, i);
        }
      }
      parents[i] = ontology.graph().getParents(ids[i]).stream()
          .map(indexById::get).filter(p -> p != null).mapToInt(Integer::intValue).sorted().toArray();
    }
    java.util.Set<TermId> obsolete = new java.util.HashSet<>();
    ontology.obsoleteTermIds().forEach(t -> {
      if (!indexById.containsKey(t) && !indexByAltId.containsKey(t)) {
        obsolete.add(t);
      }
    });
    String release = ontology.version().orElse("unknown");
    return new TermIndex(ids, labels, synonyms, parents, indexById, indexByAltId, obsolete, release);
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

  /** The index of a current term, following alternative ids; empty for unknown or obsolete ids. */
  public Optional<Integer> indexOf(TermId id) {
    Integer index = indexById.get(id);
    if (index == null) {
      index = indexByAltId.get(id);
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
    if (obsolete.contains(id)) {
      return new TermResolution(trimmed, TermResolution.Status.OBSOLETE, Optional.empty());
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

  private static int[][] closure(int[][] parents) {
    int[][] result = new int[parents.length][];
    for (int i = 0; i < parents.length; i++) {
      fill(i, parents, result);
    }
    return result;
  }

  private static int[] fill(int term, int[][] parents, int[][] result) {
    if (result[term] != null) {
      return result[term];
    }
    java.util.BitSet set = new java.util.BitSet();
    set.set(term);
    for (int p : parents[term]) {
      for (int a : fill(p, parents, result)) {
        set.set(a);
      }
    }
    result[term] = set.stream().toArray();
    return result[term];
  }
}
