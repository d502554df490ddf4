package org.detecta.serve;

import org.detecta.kb.TermIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every finding name the server understands: HPO labels and synonyms (once the knowledge base is
 * loaded), Spanish HPO labels and the served models' own inputs. Empty until {@link #install}; rebuilt
 * off the request path when the served models change, and swapped atomically.
 */
public final class Vocabulary {
  private volatile Optional<TermIndex> hpo = Optional.empty();
  /** The search over the fixed names (ontology and Spanish labels); the models' names are added to it. */
  private volatile TermSearch fixed = new TermSearch(List.of());
  private volatile TermSearch search = fixed;
  private volatile boolean prepared;
  private volatile boolean installed;

  public Vocabulary() {
  }

  public Vocabulary(Optional<TermIndex> hpo, List<TermEntry> spanish) {
    install(hpo, spanish);
  }

  public synchronized void install(Optional<TermIndex> ontology, List<TermEntry> spanish) {
    install(ontology, spanish, List.of());
  }

  /** Ontology, Spanish labels and the served models at once. */
  public synchronized void install(Optional<TermIndex> ontology, List<TermEntry> spanish, Collection<ServedModel> models) {
    prepare(ontology, spanish);
    install(models);
  }

  /**
   * Indexes the fixed names (the ontology's labels and synonyms, the Spanish labels): the large part of the
   * search, built at start-up while the models load. Not yet {@link #installed}.
   */
  public synchronized void prepare(Optional<TermIndex> ontology, List<TermEntry> spanish) {
    List<TermEntry> base = new ArrayList<>(ontology.map(TermEntries::fromHpo).orElse(List.of()));
    base.addAll(spanish);
    this.fixed = new TermSearch(base);
    this.hpo = ontology;
    this.prepared = true;
  }

  /** Adds the served models' names to the prepared fixed names; from now on {@link #installed}. */
  public synchronized void install(Collection<ServedModel> models) {
    if (!prepared) {
      throw new IllegalStateException("prepare the vocabulary before installing the models' names");
    }
    rebuild(models);
    installed = true;
  }

  public synchronized void rebuild(Collection<ServedModel> models) {
    search = fixed.plus(entriesOf(models));
  }

  /** True once {@link #install} ran (the ontology, when there is one, is in place). */
  public boolean installed() {
    return installed;
  }

  private static List<TermEntry> entriesOf(Collection<ServedModel> models) {
    List<TermEntry> entries = new ArrayList<>();
    for (ServedModel model : models) {
      entries.addAll(TermEntries.fromModelInputs(model.name(), model.inputs()));
    }
    return List.copyOf(entries);
  }

  public TermSearch search() {
    return search;
  }

  public Optional<TermIndex> hpo() {
    return hpo;
  }
}
