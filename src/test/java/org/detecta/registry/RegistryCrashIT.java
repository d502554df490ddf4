package org.detecta.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Atomicity and concurrency across processes on the H2 file database (AUTO_SERVER): registration loops in
 * child JVMs are killed with SIGKILL at random moments; afterwards every visible version is complete (artifact
 * verifies, tags present, its alias decision audited), no alias points nowhere, and the next run works. Two
 * processes registering at once get distinct versions.
 */
class RegistryCrashIT {
  private static final String MODEL = "crash";
  @TempDir
  Path home;

  @Test
  void sigkillAtRandomPointsLeavesNoPartialVersionAndTheNextRunWorks() throws Exception {
    Random random = new Random(20261123);
    List<String> started = new ArrayList<>();
    List<String> lastSeen = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      Process child = spawn(1000);
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
      String ready = out.readLine();
      assertTrue(ready != null && ready.startsWith("ready "), "the child records its run: " + ready);
      started.add(ready.substring("ready ".length()));
      // wait for a first commit so a slow (loaded) machine still kills mid-loop, not before the loop started
      String registered = out.readLine();
      assertTrue(registered != null && registered.startsWith("registered "), "the loop registers: " + registered);
      Thread.sleep(50 + random.nextInt(400));
      while (out.ready()) { // what the child had reported committed when it was killed
        registered = out.readLine();
      }
      lastSeen.add(registered);
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    ModelRegistry registry = open();
    int before = checkConsistent(registry);
    assertTrue(before > 0, "the killed loops registered something before dying");
    int reported = lastSeen.stream().mapToInt(l -> Integer.parseInt(l.substring("registered ".length()))).max().orElse(0);
    assertTrue(before >= reported, "version " + reported + " was reported committed; the registry has " + before);
    List<TrainingRun> killed = registry.runs().list();
    // a run the child had reported recorded is still there (committed before "ready" was printed)
    assertEquals(new java.util.TreeSet<>(started), new java.util.TreeSet<>(killed.stream().map(TrainingRun::id).toList()),
        "runs started per round " + started + ", last commit each round reported " + lastSeen + ", versions " + before);
    for (TrainingRun run : killed) {
      assertEquals(TrainingRun.RUNNING, run.status(), "a killed run cannot finish itself");
      assertEquals("interrupted", run.displayStatus(), "its process is gone");
    }

    Process next = spawn(3);
    assertEquals(0, next.waitFor(120, TimeUnit.SECONDS) ? next.exitValue() : -1, "the next run works");
    assertEquals(before + 3, checkConsistent(registry));
    assertEquals(TrainingRun.SUCCEEDED, registry.runs().list().get(0).displayStatus());
  }

  @Test
  void twoProcessesRegisteringAtOnceGetDistinctVersions() throws Exception {
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      children.add(spawn(10));
    }
    for (Process child : children) {
      assertTrue(child.waitFor(180, TimeUnit.SECONDS), "child finished");
      assertEquals(0, child.exitValue(), new String(child.getErrorStream().readAllBytes()));
    }
    assertEquals(20, checkConsistent(open()));
  }

  /** Asserts the invariants and returns the number of versions. */
  private static int checkConsistent(ModelRegistry registry) {
    List<ModelVersion> versions = registry.list();
    List<AuditEntry> audit = registry.audit(100_000);
    for (int i = 0; i < versions.size(); i++) {
      ModelVersion v = versions.get(i);
      assertEquals(versions.size() - i, v.version(), "versions are 1..n without holes");
      registry.artifact(v); // verifies the sha256
      assertTrue(v.tags().containsKey("i"), "tags committed with " + v.ref());
      String to = "to " + v.ref() + ": ";
      String setTo = "set to " + v.ref() + " (no previous version)";
      assertTrue(audit.stream().anyMatch(e -> e.action().equals("alias")
              && (e.detail().contains(to) || e.detail().startsWith(setTo))),
          "the alias decision for " + v.ref() + " was committed with it");
      assertTrue(audit.stream().anyMatch(e -> e.action().equals("register") && e.target().equals(v.ref())));
    }
    long champions = versions.stream().filter(v -> v.aliases().contains(ModelRef.CHAMPION)).count();
    assertEquals(versions.isEmpty() ? 0 : 1, champions);
    return versions.size();
  }

  private ModelRegistry open() {
    return TestRegistries.embedded(home);
  }

  private Process spawn(int count) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        RegistrationLoop.class.getName(), home.toString(), MODEL, Integer.toString(count))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
