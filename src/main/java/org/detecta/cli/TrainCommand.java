package org.detecta.cli;

import org.detecta.batch.Extensions;
import org.detecta.pipeline.DistributedFamily;
import org.detecta.pipeline.DistributedTraining;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.Detecta;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.detecta.registry.ChampionPolicy;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.RunStore;
import org.detecta.registry.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code detecta train}: trains the named models (default: all that have data) inside a recorded training run,
 * and registers each passing version together with its alias decision in one transaction.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train models on the data directory and register each version that passes the release gate.")
public final class TrainCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  CommonOptions common;

  @Option(names = "--model", paramLabel = "NAME", description = "Model(s) to train (default: every model whose data is present)")
  List<String> models = new ArrayList<>();

  @Option(names = "--seed", description = "Random seed for splits and searches (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--engine", paramLabel = "local|spark", description = "Training engine (default: ${DEFAULT-VALUE})")
  String engine = "local";

  @Mixin
  LakeOptions lake; // --engine spark

  @Override
  public Integer call() throws Exception {
    Detecta detecta = common.detecta();
    if (!"local".equals(engine)) {
      return trainDistributed(detecta);
    }
    List<String> skipped = new ArrayList<>();
    List<ModelFamily> families = new ArrayList<>();
    if (models.isEmpty()) {
      for (ModelFamily family : detecta.catalog().families()) {
        if (family.canTrain(detecta.paths().data())) {
          families.add(family);
        } else {
          skipped.add("skip " + family.name() + ": its data is not in " + detecta.paths().data());
        }
      }
    } else {
      for (String name : models) {
        ModelFamily family = detecta.catalog().require(name);
        if (!family.canTrain(detecta.paths().data())) {
          throw new IllegalArgumentException("Cannot train " + name + ": its data is not in " + detecta.paths().data()
              + " (run ./detecta data fetch or pass --data DIR)");
        }
        families.add(family);
      }
    }
    skipped.forEach(System.err::println);
    if (families.isEmpty()) {
      throw new IllegalArgumentException("Nothing to train: no model's data is in " + detecta.paths().data());
    }
    return train(detecta.registry(), families, detecta, actor());
  }

  /** {@code --engine spark}: the Spark module's trainers, same run record, gate and registration. */
  private int trainDistributed(Detecta detecta) throws Exception {
    if (!"spark".equals(engine)) {
      throw new IllegalArgumentException("--engine must be local or spark, was '" + engine + "'");
    }
    DistributedTraining spark = Extensions.require(DistributedTraining.class, t -> true, "train --engine spark");
    List<String> names = models.isEmpty() ? spark.models() : models;
    List<ModelFamily> families = new ArrayList<>();
    String where = lake.lake(detecta.paths());
    for (String name : names) {
      if (!spark.models().contains(name)) {
        throw new IllegalArgumentException("train --engine spark trains " + spark.models() + ", not '" + name + "'");
      }
      families.add(new DistributedFamily(spark, detecta.catalog().require(name), where, lake.master(), detecta.paths().home()));
    }
    return train(detecta.registry(), families, detecta, actor());
  }

  /** Runs the families in one recorded run; returns the exit code. Package-private for tests. */
  int train(ModelRegistry registry, List<ModelFamily> families, Detecta detecta, String actor) throws Exception {
    RunStore runs = registry.runs();
    String runId = runs.start(new RunStore.Start(families.stream().map(ModelFamily::name).toList(), seed,
        detecta.paths().data().toString(), BuildInfo.codeVersion(), actor));
    RunLog log = new RunLog(runs, runId);
    log.line("run " + runId + " (seed " + seed + ", code " + BuildInfo.codeVersion() + ")");
    int exit = ExitCodes.OK;
    try {
      for (ModelFamily family : families) {
        long start = System.nanoTime();
        log.line("train " + family.name() + " ...");
        TrainedModel trained = family.train(new TrainingContext(detecta.paths().data(), seed,
            line -> log.line("  " + family.name() + ": " + line), detecta.knowledgeBase()));
        double seconds = (System.nanoTime() - start) / 1e9;
        runs.round(runId, family.name(), trained.gatePassed(), seconds, roundDetail(trained));
        if (!trained.gatePassed()) {
          log.line("  " + family.name() + ": release gate NOT met, nothing registered: " + trained.gateReasons());
          exit = ExitCodes.GATE_NOT_MET;
          continue;
        }
        ModelRegistry.Registration registration = registry.registerAndPromote(trained, runId,
            BuildInfo.codeVersion(), actor, Map.of("seed", Long.toString(seed)), ChampionPolicy.defaultPolicy());
        log.line(String.format(java.util.Locale.ROOT, "  %s: registered %s as @%s (%s) in %.1f s", family.name(),
            registration.version().ref(), registration.decision().alias(), registration.decision().reason(), seconds));
      }
    } catch (Exception | Error e) {
      log.line("run failed: " + e.getMessage());
      runs.finish(runId, TrainingRun.FAILED, actor);
      throw e;
    }
    runs.finish(runId, exit == ExitCodes.OK ? TrainingRun.SUCCEEDED : TrainingRun.GATE_FAILED, actor);
    return exit;
  }

  private static ObjectNode roundDetail(TrainedModel trained) {
    ObjectNode detail = JSON.createObjectNode();
    detail.set("metrics", JSON.valueToTree(trained.metrics()));
    detail.set("gateReasons", JSON.valueToTree(trained.gateReasons()));
    detail.set("parameters", JSON.valueToTree(trained.parameters()));
    return detail;
  }

  /** Progress lines go to stderr and into the run's log. */
  private record RunLog(RunStore runs, String runId) {
    void line(String text) {
      System.err.println(text);
      runs.log(runId, text);
    }
  }

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }
}
