package org.detecta.serve;

import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.pipeline.ModelFamily;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The champions being served. {@link #reload} loads the {@code @champion} of every registered model whose
 * family is in the catalog (only versions that changed) and swaps the whole set atomically, so a request
 * sees either the old or the new models, never a mix. {@link #championsMoved} is the cheap poll.
 */
public final class ModelService {
  private static final Logger LOG = LoggerFactory.getLogger(ModelService.class);
  private final Supplier<ModelRegistry> registry;
  private final ModelCatalog catalog;
  private final Supplier<KnowledgeBase> knowledgeBase;
  private final String preferredDefault;
  private final List<Consumer<Collection<ServedModel>>> listeners = new CopyOnWriteArrayList<>();
  private volatile Map<String, ServedModel> served = Map.of();
  /** Champions that could not be loaded and have no earlier version served: ref → why. */
  private volatile Map<String, String> unavailable = Map.of();
  private volatile boolean ready;
  private volatile java.util.function.BooleanSupplier alsoReady = () -> true;

  public ModelService(ModelRegistry registry, ModelCatalog catalog, Supplier<KnowledgeBase> knowledgeBase,
                      String preferredDefault) {
    this(() -> registry, catalog, knowledgeBase, preferredDefault);
  }

  /** With a registry that may still be opening (the first reload waits for it). */
  public ModelService(Supplier<ModelRegistry> registry, ModelCatalog catalog, Supplier<KnowledgeBase> knowledgeBase,
                      String preferredDefault) {
    this.registry = registry;
    this.catalog = catalog;
    this.knowledgeBase = knowledgeBase;
    this.preferredDefault = preferredDefault;
  }

  /** Called with the new set after every reload that changed something (e.g. to rebuild the term search). */
  public void onChange(Consumer<Collection<ServedModel>> listener) {
    listeners.add(listener);
  }

  /**
   * Loads changed champions, in parallel (families that share an artifact, such as {@code detecta} and
   * {@code rare-phenotype}, load it once); returns the refs now served. Failures of one model keep its previous version.
   */
  public synchronized List<String> reload() {
    Map<String, Integer> champions = registry.get().aliasTargets(ModelRef.CHAMPION);
    Map<String, Future<ServedModel>> loading = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, champions.size()), r -> {
      Thread t = new Thread(r, "detecta-model-loader");
      t.setDaemon(true);
      return t;
    });
    try {
      for (Map.Entry<String, Integer> champion : champions.entrySet()) {
        String name = champion.getKey();
        ServedModel current = served.get(name);
        if (current != null && current.version().version() == champion.getValue()) {
          continue;
        }
        Optional<ModelFamily> family = catalog.find(name);
        if (family.isEmpty()) {
          LOG.warn("Not serving {}: no model family of that name in this build (known: {})", name, catalog.names());
          continue;
        }
        loading.put(name, pool.submit(() -> load(family.get(), name, champion.getValue())));
      }
      Map<String, ServedModel> next = new LinkedHashMap<>();
      Map<String, String> failed = new LinkedHashMap<>();
      boolean changed = false;
      for (Map.Entry<String, Integer> champion : champions.entrySet()) {
        String name = champion.getKey();
        ServedModel current = served.get(name);
        Future<ServedModel> load = loading.get(name);
        if (load == null) {
          if (current != null && current.version().version() == champion.getValue()) {
            next.put(name, current);
          }
          continue;
        }
        try {
          next.put(name, load.get());
          changed = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof Error error) {
            throw error;
          }
          LOG.error("Cannot load {}:{}: {}; {}", name, champion.getValue(), cause.getMessage(),
              current == null ? "not served" : "keeping " + current.version().ref());
          if (current != null) {
            next.put(name, current);
          } else {
            failed.put(name + ":" + champion.getValue(), String.valueOf(cause.getMessage()));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while loading the champions", e);
        }
      }
      changed |= !next.keySet().equals(served.keySet());
      served = Map.copyOf(next);
      unavailable = Map.copyOf(failed);
      ready = true;
      if (changed) {
        Collection<ServedModel> all = all();
        listeners.forEach(l -> l.accept(all));
      }
      return all().stream().map(m -> m.version().ref()).toList();
    } finally {
      pool.shutdownNow();
    }
  }

  private ServedModel load(ModelFamily family, String name, int versionNumber) throws IOException {
    ModelVersion version = registry.get().require(ModelRef.parse(name + ":" + versionNumber));
    long start = System.nanoTime();
    DiagnosticModel model = family.load(registry.get().artifact(version), knowledgeBase);
    LOG.info("Serving {} (loaded in {} ms)", version.ref(), (System.nanoTime() - start) / 1_000_000);
    return ServedModel.of(version, model);
  }

  /**
   * True when some champion alias points elsewhere than what is served (one small query). A champion that
   * failed to load does not count until its alias moves again (an admin reload retries it), so the poll
   * does not reload and log the same failure forever.
   */
  public boolean championsMoved() {
    Map<String, Integer> champions = registry.get().aliasTargets(ModelRef.CHAMPION);
    Map<String, ServedModel> now = served;
    Map<String, String> failing = unavailable;
    for (Map.Entry<String, Integer> e : champions.entrySet()) {
      ServedModel current = now.get(e.getKey());
      boolean sameFailure = failing.containsKey(e.getKey() + ":" + e.getValue());
      if (catalog.find(e.getKey()).isPresent() && !sameFailure
          && (current == null || current.version().version() != e.getValue())) {
        return true;
      }
    }
    return now.keySet().stream().anyMatch(name -> !champions.containsKey(name));
  }

  /** Loaded once, and whatever else {@link #readyAlso} asks for (e.g. the vocabulary) is in place too. */
  public boolean ready() {
    return ready && alsoReady.getAsBoolean();
  }

  /**
   * Champions (as {@code name:version}) that failed to load and have no earlier version served, with the reason:
   * while any is listed the server is not ready (Open Inference Protocol: ready when every model is).
   */
  public Map<String, String> unavailable() {
    return unavailable;
  }

  /** A further condition of readiness (the server's vocabulary, built next to the models at start-up). */
  public void readyAlso(java.util.function.BooleanSupplier condition) {
    this.alsoReady = condition;
  }

  public List<ServedModel> all() {
    return new ArrayList<>(served.values());
  }

  public Optional<ServedModel> find(String name) {
    return Optional.ofNullable(served.get(name));
  }

  /** The 404 for a name that is not served, naming the models that are. */
  public ApiException unknownModel(String name) {
    return unknownModel(name, served);
  }

  private static ApiException unknownModel(String name, Map<String, ServedModel> now) {
    return new ApiException(404, "unknown_model", "Model '" + name + "' is not served; served models: "
        + String.join(", ", now.keySet()), List.of(new ApiException.FieldProblem("model", name, "not served")));
  }

  /** The model asked for, or the default: the preferred name when served, else the first served model. */
  public ServedModel resolve(Optional<String> requested) {
    Map<String, ServedModel> now = served;
    if (requested.isPresent()) {
      ServedModel model = now.get(requested.get());
      if (model == null) {
        throw unknownModel(requested.get(), now);
      }
      return model;
    }
    ServedModel preferred = now.get(preferredDefault);
    if (preferred != null) {
      return preferred;
    }
    return now.values().stream().sorted(java.util.Comparator.comparing(ServedModel::name)).findFirst()
        .orElseThrow(() -> new ApiException(503, "no_models", "No model is loaded yet; train one (./detecta train) or wait for readiness"));
  }
}
