package org.detecta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.registry.ChampionPolicy;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.RunStore;
import org.detecta.registry.TestRegistries;
import org.detecta.registry.TrainedModels;
import org.detecta.registry.TrainingRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code models}, {@code runs} and {@code backup}/{@code restore} commands end to end, in process. */
class ModelsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path home;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void setUp() {
    ModelRegistry registry = TestRegistries.embedded(home);
    registry.registerAndPromote(TrainedModels.of("kaggle", 0.8), null, "abc", "t", Map.of(), ChampionPolicy.defaultPolicy());
    registry.registerAndPromote(TrainedModels.of("kaggle", 0.7), null, "abc", "t", Map.of(), ChampionPolicy.defaultPolicy());
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStreams() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--home";
    full[args.length + 1] = home.toString();
    return Main.commandLine().setErr(new java.io.PrintWriter(System.err, true)).execute(full);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listAndShowPrintOneJsonLine() throws Exception {
    assertEquals(0, run("models", "list", "--json"));
    assertEquals(1, stdout().lines().count(), stdout());
    JsonNode list = JSON.readTree(stdout());
    assertEquals("kaggle:2", list.path("versions").get(0).path("ref").asText());
    assertEquals(0, run("models", "show", "kaggle", "--json"));
    JsonNode show = JSON.readTree(stdout());
    assertEquals(1, show.path("version").asInt());
    assertEquals("champion", show.path("aliases").get(0).asText());
    assertEquals(0.8, show.path("metadata").path("metrics").path("test").path("top1").asDouble());
  }

  @Test
  void unknownVersionExitsTwoNamingWhatExists() {
    assertEquals(ExitCodes.INVALID_INPUT, run("models", "show", "kaggle:7"));
    assertEquals("detecta: No model version kaggle:7 in the registry; available: kaggle:2 @challenger, kaggle:1 @champion",
        stderr().strip());
    assertEquals("", stdout());
  }

  @Test
  void deleteOfAnAliasedVersionIsRefusedThenAllowedAfterTheAliasMoves() throws Exception {
    assertEquals(ExitCodes.INVALID_INPUT, run("models", "delete", "kaggle:2"));
    assertTrue(stderr().startsWith("detecta: Refusing to delete kaggle:2: it is @challenger"), stderr());
    assertEquals(0, run("models", "alias", "kaggle", "1", "challenger"));
    assertEquals(0, run("models", "delete", "kaggle:2"));
    assertEquals(0, run("models", "audit", "--json"));
    JsonNode audit = JSON.readTree(stdout()).path("entries");
    assertEquals("delete", audit.get(0).path("action").asText());
    assertEquals("kaggle:2", audit.get(0).path("target").asText());
  }

  @Test
  void compareAndCardRender() {
    assertEquals(0, run("models", "compare", "kaggle:1", "kaggle:2"));
    assertTrue(stdout().contains("test/top1"), stdout());
    assertTrue(stdout().contains("payload: 0.8 | 0.7"), stdout());
    assertEquals(0, run("models", "card", "kaggle@champion"));
    assertTrue(stdout().startsWith("# Model card: kaggle:1 (@champion)"), stdout());
  }

  @Test
  void runsListAndShowAsJsonOrText() throws Exception {
    ModelRegistry registry = TestRegistries.embedded(home);
    String id = registry.runs().start(new RunStore.Start(List.of("kaggle"), 7, "/data", "abc", "dana"));
    registry.runs().log(id, "loaded 3 cases");
    registry.runs().finish(id, TrainingRun.SUCCEEDED, "dana");
    assertEquals(0, run("runs", "list", "--json"));
    assertEquals(1, stdout().lines().count(), stdout());
    JsonNode listed = JSON.readTree(stdout()).path("runs").get(0);
    assertEquals(id, listed.path("id").asText());
    assertTrue(listed.path("log").isMissingNode(), "a listing leaves out the details: " + listed);
    assertEquals(0, run("runs", "show", id, "--json"));
    JsonNode shown = JSON.readTree(stdout());
    assertEquals(7, shown.path("seed").asInt());
    assertEquals("loaded 3 cases", shown.path("log").get(0).asText());
    assertEquals(0, run("runs", "show", id));
    assertTrue(stdout().startsWith("run " + id + "  "), stdout());
    assertTrue(stdout().contains("    loaded 3 cases"), stdout());
    assertEquals(0, run("models", "list"));
    assertTrue(stdout().startsWith("VERSION"), stdout());
    assertEquals(3, stdout().lines().count(), stdout());
  }

  @Test
  void aGroupRunAloneShowsItsSubcommands() {
    StringWriter usage = new StringWriter();
    assertEquals(0, Main.commandLine().setOut(new PrintWriter(usage)).execute("runs"));
    assertTrue(usage.toString().contains("list") && usage.toString().contains("show"), usage.toString());
  }

  @Test
  void backupThenRestoreIntoAnEmptyHome() throws Exception {
    Path zip = home.resolve("backup.zip");
    assertEquals(0, run("backup", "--out", zip.toString()), stderr());
    Path fresh = home.resolve("restored");
    assertEquals(0, Main.commandLine().execute("restore", "--from", zip.toString(), "--home", fresh.toString()), stderr());
    out.reset();
    assertEquals(0, Main.commandLine().execute("models", "list", "--json", "--home", fresh.toString()));
    assertEquals(2, JSON.readTree(stdout()).path("versions").size());
  }
}
