package org.detecta;

import org.detecta.config.BuildStamp;
import org.detecta.config.DetectaPaths;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseCache;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.registry.ArtifactStore;
import org.detecta.registry.Database;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import org.detecta.text.NoteExtractor;
import org.detecta.text.SpanishLabels;

import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

/**
 * The composition root: builds the shared services from the resolved paths, each at most once and only
 * when first needed (the knowledge base takes seconds unless {@link KnowledgeBaseCache} has it; the database is
 * opened only by commands that use it).
 */
public final class Detecta {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Detecta.class);
  private final DetectaPaths paths;
  private final Supplier<KnowledgeBase> knowledgeBase;
  private final Supplier<ModelRegistry> registry;
  private final ModelCatalog catalog;

  public Detecta(DetectaPaths paths) {
    this.paths = paths;
    this.knowledgeBase = memoize(() -> new KnowledgeBaseCache(paths.home().resolve("cache"), BuildStamp.stamp())
        .loadFromDataDir(paths.data()));
    this.registry = memoize(() -> new ModelRegistry(Database.open(databaseConfig()),
        new ArtifactStore(paths.home().resolve("artifacts"))));
    var rare = new org.detecta.combined.RememberingFamily(new org.detecta.rank.RarePhenotypeFamily());
    var ddxplus = org.detecta.pipeline.CommonModelFamily.ddxplus(paths.home());
    var kaggle = org.detecta.pipeline.CommonModelFamily.kaggleSymptoms(paths.home());
    this.catalog = new ModelCatalog(List.of(rare, ddxplus, kaggle,
        new org.detecta.combined.DetectaFamily(rare, ddxplus, kaggle, paths.home())));
  }

  public DetectaPaths paths() {
    return paths;
  }

  public Supplier<KnowledgeBase> knowledgeBase() {
    return knowledgeBase;
  }

  /**
   * Starts building the knowledge base on a background thread when the data has the HPO files, so the first
   * {@code knowledgeBase().get()} waits less (the server calls this before opening the database). A failure is
   * left to that caller's own {@code get()}, which tries again and reports it.
   */
  public void loadKnowledgeBaseInBackground() {
    if (Files.isRegularFile(paths.data().resolve("hpo").resolve("hp.json"))) {
      inBackground("detecta-kb-preload", knowledgeBase);
    }
  }

  /** Starts opening (and migrating) the registry on a background thread; as above, a failure is left to the caller. */
  public void openRegistryInBackground() {
    inBackground("detecta-registry-open", registry);
  }

  private static void inBackground(String name, Supplier<?> memoized) {
    Thread thread = new Thread(() -> {
      long start = System.nanoTime();
      try {
        memoized.get();
        LOG.info("{}: done in {} ms", name, (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        // reported by whoever needs it: its own get() tries again
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Where the registry lives: the home's H2 file, or the database named by the environment. */
  public DatabaseConfig databaseConfig() {
    return DatabaseConfig.resolve(paths.home(), org.detecta.config.Environment.current());
  }

  /** The registry as a lazy value (opened by the first {@code get()}, or by {@link #openRegistryInBackground}). */
  public Supplier<ModelRegistry> registrySupplier() {
    return registry;
  }

  public ModelRegistry registry() {
    return registry.get();
  }

  public ModelCatalog catalog() {
    return catalog;
  }

  /** The clinical-note extractor, built once on first use from the ontology and the Spanish labels. */
  public NoteExtractor noteExtractor() {
    return noteExtractor.get();
  }

  private final Supplier<NoteExtractor> noteExtractor = memoize(
      () -> NoteExtractor.create(knowledgeBase().get().terms(), SpanishLabels.fromDataDir(paths().data())));

  /** Thread-safe lazy value: computed once, on first use. */
  public static <T> Supplier<T> memoize(Supplier<T> delegate) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T result = value;
        if (result == null) {
          synchronized (this) {
            result = value;
            if (result == null) {
              value = result = delegate.get();
            }
          }
        }
        return result;
      }
    };
  }
}
