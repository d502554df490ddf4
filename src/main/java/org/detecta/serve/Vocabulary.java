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
  private volatile List<TermEntry> fixed = List.of();
  private volatile Optional<TermIndex> hpo = Optional.empty();
  private volatile List<TermEntry> modelEntries = List.of();
  private volatile TermSearch search = new TermSearch(List.of());
  private volatile boolean installed;

  public Vocabulary() {
  }

  public Vocabulary(Optional<TermIndex> hpo, List<TermEntry> spanish) {
    install(hpo, spanish);
  }

  public synchronized void install(Optional<TermIndex> ontology, List<TermEntry> spanish) {
    install(ontology, spanish, List.of());
  }

  /** Ontology, Spanish labels and the served models at once: the search is built a single time (start-up). */
  public synchronized void install(Optional<TermIndex> ontology, List<TermEntry> spanish, Collection<ServedModel> models) {
    List<TermEntry> base = new ArrayList<>(ontology.map(TermEntries::fromHpo).orElse(List.of()));
    base.addAll(spanish);
    this.fixed = List.copyOf(base);
    this.hpo = ontology;
    this.modelEntries = entriesOf(models);
    swap();
    installed = true;
  }

  public synchronized void rebuild(Collection<ServedModel> models) {
    modelEntries = entriesOf(models);
    swap();
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

  private void swap() {
    List<TermEntry> all = new ArrayList<>(fixed);
    all.addAll(modelEntries);
    search = new TermSearch(all);
  }

  public TermSearch search() {
    return search;
  }

  public Optional<TermIndex> hpo() {
    return hpo;
  }
}
