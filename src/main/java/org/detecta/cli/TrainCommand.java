package org.detecta.cli;

import org.detecta.Detecta;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.detecta.registry.ChampionPolicy;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code detecta train}: trains the named models (default: all that have data) and registers passing versions. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train models on the data directory and register each version that passes the release gate.")
public final class TrainCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--model", paramLabel = "NAME", description = "Model(s) to train (default: every model whose data is present)")
  List<String> models = new ArrayList<>();

  @Option(names = "--seed", description = "Random seed for splits and searches (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Override
  public Integer call() throws Exception {
    Detecta detecta = common.detecta();
    List<ModelFamily> families = new ArrayList<>();
    if (models.isEmpty()) {
      for (ModelFamily family : detecta.catalog().families()) {
        if (family.canTrain(detecta.paths().data())) {
          families.add(family);
        } else {
          System.err.println("skip " + family.name() + ": its data is not in " + detecta.paths().data());
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
    if (families.isEmpty()) {
      throw new IllegalArgumentException("Nothing to train: no model's data is in " + detecta.paths().data());
    }
    ModelRegistry registry = detecta.registry();
    String runId = java.util.UUID.randomUUID().toString();
    int exit = ExitCodes.OK;
    for (ModelFamily family : families) {
      long start = System.nanoTime();
      System.err.println("train " + family.name() + " ...");
      TrainedModel trained = family.train(new TrainingContext(detecta.paths().data(), seed,
          line -> System.err.println("  " + family.name() + ": " + line), detecta.knowledgeBase()));
      if (!trained.gatePassed()) {
        System.err.println("  " + family.name() + ": release gate NOT met, nothing registered: " + trained.gateReasons());
        exit = ExitCodes.GATE_NOT_MET;
        continue;
      }
      ModelVersion version = registry.register(trained, runId, BuildInfo.commit(), actor());
      ChampionPolicy.Decision decision = ChampionPolicy.defaultPolicy()
          .decide(version, registry.find(ModelRef.parse(family.name())));
      registry.setAlias(version.name(), version.version(), decision.alias(), actor());
      System.err.printf("  %s: registered %s as @%s (%s) in %.1f s%n", family.name(), version.ref(),
          decision.alias(), decision.reason(), (System.nanoTime() - start) / 1e9);
    }
    return exit;
  }

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }
}
