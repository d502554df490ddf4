package org.detecta.serve;

import org.detecta.Detecta;
import org.detecta.kb.KnowledgeBase;
import org.detecta.text.NoteExtractor;
import org.detecta.text.SpanishLabels;
import org.detecta.monitor.DriftGauges;
import org.detecta.monitor.PredictionLog;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Assembles and runs the server: HTTP first (liveness at once, readiness false), then the knowledge base
 * (when the data has HPO) and the champions on a background thread; afterwards a poll moves to new
 * champions, retention runs daily and the drift gauges refresh every minute. {@link #close} is graceful.
 */
public final class DetectaServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DetectaServer.class);
  private final HttpServer http;
  private final ModelService models;
  private final PredictionLog log;
  private final ScheduledExecutorService scheduler;
  private final Thread loader;

  private DetectaServer(HttpServer http, ModelService models, PredictionLog log, ScheduledExecutorService scheduler,
                        Thread loader) {
    this.http = http;
    this.models = models;
    this.log = log;
    this.scheduler = scheduler;
    this.loader = loader;
  }

  /** Starts serving; models load in the background ({@link #awaitReady} waits for them). */
  public static DetectaServer start(ServeConfig config, ModelRegistry registry, ModelCatalog catalog,
                                    Supplier<KnowledgeBase> knowledgeBase, Path dataDir) {
    return start(config, () -> registry, registry.database().config(), catalog, knowledgeBase, dataDir);
  }

  /**
   * As above with a registry that may still be opening (a memoized supplier whose work started elsewhere): HTTP
   * starts meanwhile, the models wait for it, and this returns once it is open — or closes everything and throws
   * what opening it threw, as if it had been opened first.
   */
  public static DetectaServer start(ServeConfig config, Supplier<ModelRegistry> registry, DatabaseConfig database,
                                    ModelCatalog catalog, Supplier<KnowledgeBase> knowledgeBase, Path dataDir) {
    boolean hasHpo = Files.isRegularFile(dataDir.resolve("hpo").resolve("hp.json"));
    // Start-up in parallel: the knowledge base, Spanish labels and the term search over them on one thread (from now,
    // while HTTP starts), the champions on others (families without the knowledge base do not wait for it).
    Vocabulary vocabulary = new Vocabulary();
    CompletableFuture<Optional<KnowledgeBase>> lexicon = CompletableFuture.supplyAsync(
        () -> prepareVocabulary(vocabulary, hasHpo, knowledgeBase, dataDir),
        runnable -> daemon("detecta-kb-loader", runnable).start());
    ModelService models = new ModelService(registry, catalog, knowledgeBase, config.defaultModel());
    models.readyAlso(vocabulary::installed);
    PredictionLog log = new PredictionLog(database);
    HttpMetrics metrics = new HttpMetrics();
    JsonBodies bodies = new JsonBodies(config.maxBodyBytes());
    FindingResolver findings = new FindingResolver(vocabulary);
    Interviewers interviewers = new Interviewers(dataDir, Detecta.memoize(() -> SpanishLabels.fromDataDir(dataDir)));
    InterviewService interviews = new InterviewService(models, findings, interviewers);
    DiagnoseService diagnoses = new DiagnoseService(models, findings, log, metrics, Optional.of(interviews));
    NoteService notes = new NoteService(Detecta.memoize(() -> NoteExtractor.create(knowledgeBase.get().terms(),
        SpanishLabels.fromDataDir(dataDir))), hasHpo);
    HttpServer.Controllers controllers = new HttpServer.Controllers(
        new ApiController(diagnoses, vocabulary, models, log, bodies, config.maxFindings(), notes),
        new InferenceController(diagnoses, models, bodies, config.maxFindings()),
        new AdminController(new AdminAuth(config.adminToken()), models, registry, log, bodies, config.retentionDays()),
        metrics, new NoteController(notes, bodies), new InterviewController(interviews, bodies, config.maxFindings(), notes));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "detecta-scheduler");
      t.setDaemon(true);
      return t;
    });
    DriftGauges drift = new DriftGauges(metrics.registry(), log, models::all);
    Thread loader = daemon("detecta-loader", () -> {
      long start = System.nanoTime();
      models.reload();
      Optional<KnowledgeBase> kb = lexicon.join();
      vocabulary.install(models.all());
      models.onChange(vocabulary::rebuild);
      if (kb.isPresent()) {
        notes.warmInBackground();
      }
      interviewers.prepareInBackground(models.all());
      models.onChange(interviewers::prepareInBackground);
      List<String> served = models.all().stream().map(m -> m.version().ref()).toList();
      if (models.unavailable().isEmpty()) {
        LOG.info("Ready in {} ms: {}", (System.nanoTime() - start) / 1_000_000, served);
      } else {
        LOG.error("Not ready after {} ms: serving {} but {} could not be loaded (GET /v2/health/ready says why; "
            + "retrain or move the alias, then POST /api/v1/admin/reload)", (System.nanoTime() - start) / 1_000_000,
            served, models.unavailable().keySet());
      }
      long poll = config.reloadPoll().toMillis();
      scheduler.scheduleWithFixedDelay(() -> pollChampions(models), poll, poll, TimeUnit.MILLISECONDS);
      scheduler.scheduleWithFixedDelay(() -> retention(log, config.retentionDays()), 1, 24 * 60, TimeUnit.MINUTES);
      scheduler.scheduleWithFixedDelay(drift::refresh, 10, 60, TimeUnit.SECONDS);
    });
    loader.start(); // the champions load (once the registry is open) while HTTP starts
    HttpServer http;
    long starting = System.nanoTime();
    try {
      http = new HttpServer(config, controllers).start();
      LOG.info("HTTP server started in {} ms", (System.nanoTime() - starting) / 1_000_000);
    } catch (RuntimeException e) {
      scheduler.shutdownNow();
      log.close();
      throw e;
    }
    try {
      registry.get();
    } catch (RuntimeException e) {
      http.close();
      scheduler.shutdownNow();
      log.close();
      throw e;
    }
    LOG.info("Listening on http://{}:{}/ (models loading)", config.host(), http.port());
    return new DetectaServer(http, models, log, scheduler, loader);
  }

  /**
   * What the term search needs besides the models: the ontology (when the data has one) and the Spanish labels,
   * indexed as the vocabulary's fixed names. Returns the knowledge base when there is one.
   */
  private static Optional<KnowledgeBase> prepareVocabulary(Vocabulary vocabulary, boolean hasHpo,
                                                           Supplier<KnowledgeBase> knowledgeBase, Path dataDir) {
    long start = System.nanoTime();
    Optional<KnowledgeBase> kb = Optional.empty();
    try {
      kb = hasHpo ? Optional.of(knowledgeBase.get()) : Optional.empty();
    } catch (RuntimeException e) {
      LOG.error("Cannot load the knowledge base from {}: {}; serving without HPO term search", dataDir, e.getMessage());
    }
    long loaded = System.nanoTime();
    vocabulary.prepare(kb.map(KnowledgeBase::terms),
        TermEntries.fromSpanishTsv(dataDir.resolve("hpo").resolve("hp-es.tsv")));
    LOG.info("Term search over the ontology and Spanish labels built in {} ms (knowledge base {} ms)",
        (System.nanoTime() - loaded) / 1_000_000, (loaded - start) / 1_000_000);
    return kb;
  }

  private static Thread daemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    return t;
  }

  private static void pollChampions(ModelService models) {
    try {
      if (models.championsMoved()) {
        LOG.info("A champion alias moved; reloading");
        models.reload();
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot poll the registry for alias moves: {}", e.getMessage());
    }
  }

  private static void retention(PredictionLog log, int days) {
    try {
      int deleted = log.deleteOlderThan(days);
      if (deleted > 0) {
        LOG.info("Retention: deleted {} prediction(s) older than {} days", deleted, days);
      }
    } catch (RuntimeException e) {
      LOG.warn("Retention not applied: {}", e.getMessage());
    }
  }

  public boolean awaitReady(long timeoutMillis) throws InterruptedException {
    loader.join(timeoutMillis);
    return models.ready();
  }

  public int port() {
    return http.port();
  }

  public HttpServer http() {
    return http;
  }

  public ModelService models() {
    return models;
  }

  public PredictionLog predictionLog() {
    return log;
  }

  @Override
  public void close() {
    http.close();
    scheduler.shutdownNow();
    log.close();
  }
}
