package org.detecta.registry;

import java.nio.file.Path;
import java.util.Map;

/**
 * Child-process main for {@code RegistryCrashIT}: registers {@code count} versions of a model in the H2 registry
 * of {@code home}, printing "registered N" after each commit. The parent kills it with SIGKILL at random points.
 */
public final class RegistrationLoop {
  private RegistrationLoop() {
  }

  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    ModelRegistry registry = new ModelRegistry(Database.open(DatabaseConfig.embedded(home)),
        new ArtifactStore(home.resolve("artifacts")));
    String run = registry.runs().start(new RunStore.Start(java.util.List.of(name), 1, home.toString(), "test", "loop"));
    System.out.println("ready " + run);
    System.out.flush();
    for (int i = 0; i < count; i++) {
      double top1 = 0.3 + 0.6 * ((ProcessHandle.current().pid() * 31 + i * 17) % 100) / 100.0;
      ModelRegistry.Registration r = registry.registerAndPromote(
          TrainedModels.of(name, top1, "c".repeat(64), ProcessHandle.current().pid() + "-" + i),
          run, "test", "loop-" + ProcessHandle.current().pid(), Map.of("i", Integer.toString(i)),
          ChampionPolicy.defaultPolicy());
      System.out.println("registered " + r.version().version());
      System.out.flush();
    }
    registry.runs().finish(run, TrainingRun.SUCCEEDED, "loop");
  }
}
