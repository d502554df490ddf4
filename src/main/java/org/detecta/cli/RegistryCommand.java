package org.detecta.cli;

import org.detecta.registry.ModelRegistry;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** A command that works on the model registry of the home: checks its arguments, opens the registry, runs. */
abstract class RegistryCommand implements Callable<Integer> {
  @Mixin
  RegistryOptions registry;

  @Override
  public final Integer call() throws Exception {
    check();
    run(registry.open());
    return ExitCodes.OK;
  }

  /** Refuses bad arguments (with {@link IllegalArgumentException}: exit 2) before anything is opened. */
  void check() {
  }

  abstract void run(ModelRegistry registry) throws Exception;
}
