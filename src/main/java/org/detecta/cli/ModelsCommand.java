package org.detecta.cli;

import org.detecta.registry.AuditEntry;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;
import org.detecta.registry.VersionComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code detecta models ...}: inspect and manage registered model versions. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List, show, compare, alias and delete registered model versions; model cards; the audit log.",
    subcommands = {ModelsCommand.ListCmd.class, ModelsCommand.Show.class, ModelsCommand.Alias.class,
        ModelsCommand.Compare.class, ModelsCommand.Card.class, ModelsCommand.Delete.class, ModelsCommand.Audit.class,
        ModelsCommand.Gc.class})
public final class ModelsCommand extends CommandGroup {
  private static final String MODEL_HELP = "NAME, NAME@ALIAS or NAME:VERSION (bare name = @champion)";

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every version of every model, newest first.")
  static final class ListCmd extends RegistryCommand {
    @Mixin
    JsonOutput output;

    @Override
    void run(ModelRegistry r) {
      List<ModelVersion> versions = r.list();
      output.print(() -> RegistryJson.list("versions", versions.stream().map(RegistryJson::version).toList()),
          () -> printTable(versions));
    }

    private static void printTable(List<ModelVersion> versions) {
      if (versions.isEmpty()) {
        System.out.println("No model versions registered yet (run ./detecta train).");
        return;
      }
      System.out.printf("%-24s %-22s %-25s %-12s %s%n", "VERSION", "ALIASES", "CREATED", "CODE", "TEST top1");
      for (ModelVersion v : versions) {
        System.out.printf(Locale.ROOT, "%-24s %-22s %-25s %-12s %.4f%n", v.ref(),
            v.aliases().isEmpty() ? "-" : "@" + String.join(" @", v.aliases()), v.createdAt().toString(),
            abbreviate(v.codeVersion()), v.metric("test", "top1"));
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One version: metadata, aliases, tags, run.")
  static final class Show extends RegistryCommand {
    @Parameters(paramLabel = "MODEL", description = MODEL_HELP)
    String model;
    @Mixin
    JsonOutput output;

    @Override
    void run(ModelRegistry r) {
      ModelVersion v = r.require(ModelRef.parse(model));
      output.print(() -> RegistryJson.version(v), () -> print(v));
    }

    private static void print(ModelVersion v) {
      System.out.println(v.ref() + (v.aliases().isEmpty() ? "" : "  @" + String.join(" @", v.aliases())));
      System.out.println("  created   " + v.createdAt());
      System.out.println("  artifact  sha256 " + v.artifactSha256() + " (" + v.artifactBytes() + " bytes)");
      System.out.println("  code      " + v.codeVersion());
      System.out.println("  run       " + v.runId());
      v.tags().forEach((k, val) -> System.out.println("  tag       " + k + "=" + val));
      System.out.println("  gate      " + (v.metadata().path("gate").path("passed").asBoolean() ? "passed" : "NOT passed"));
      VersionComparison.metrics(v.metadata()).forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-28s %.4f%n", key, value));
    }
  }

  @Command(name = "alias", mixinStandardHelpOptions = true, description = "Point NAME@ALIAS at VERSION (audited).")
  static final class Alias extends RegistryCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Parameters(index = "1", paramLabel = "VERSION")
    int version;
    @Parameters(index = "2", paramLabel = "ALIAS")
    String alias;
    @Option(names = "--reason", description = "Why, written into the audit log")
    String reason;

    @Override
    void run(ModelRegistry r) {
      String actor = TrainCommand.actor();
      r.setAlias(name, version, alias, actor, reason == null ? "set by hand by " + actor : reason);
      System.err.println(name + "@" + alias + " -> " + name + ":" + version);
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Two versions side by side: metrics, parameters that differ, data that differs.")
  static final class Compare extends RegistryCommand {
    @Parameters(index = "0", paramLabel = "A")
    String a;
    @Parameters(index = "1", paramLabel = "B")
    String b;
    @Mixin
    JsonOutput output;

    @Override
    void run(ModelRegistry r) {
      ModelVersion va = r.require(ModelRef.parse(a));
      ModelVersion vb = r.require(ModelRef.parse(b));
      VersionComparison cmp = VersionComparison.of(va, vb);
      output.print(() -> cmp, () -> print(va, vb, cmp));
    }

    private static void print(ModelVersion va, ModelVersion vb, VersionComparison cmp) {
      System.out.printf("%-28s %14s %14s%n", "metric", va.ref(), vb.ref());
      cmp.metrics().forEach(row -> System.out.printf(Locale.ROOT, "%-28s %14.4f %14.4f%n", row.key(), row.a(), row.b()));
      System.out.println(cmp.parameters().isEmpty() ? "parameters: identical" : "parameters that differ:");
      cmp.parameters().forEach(d -> System.out.println("  " + d.key() + ": " + d.a() + " | " + d.b()));
      System.out.println(cmp.data().isEmpty() ? "data: identical" : "data that differs:");
      cmp.data().forEach(d -> System.out.println("  " + d.key() + ": " + d.a() + " | " + d.b()));
      if (!va.codeVersion().equals(vb.codeVersion())) {
        System.out.println("code: " + va.codeVersion() + " | " + vb.codeVersion());
      }
    }
  }

  @Command(name = "card", mixinStandardHelpOptions = true, description = "The Markdown model card of a version.")
  static final class Card extends RegistryCommand {
    @Parameters(paramLabel = "MODEL", description = MODEL_HELP)
    String model;

    @Override
    void run(ModelRegistry r) {
      System.out.print(r.card(ModelRef.parse(model)));
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete NAME:VERSION and its tags (refused while an alias points at it; the audit log keeps it).")
  static final class Delete extends RegistryCommand {
    @Parameters(paramLabel = "NAME:VERSION")
    String model;

    @Override
    void check() {
      if (ModelRef.parse(model).version().isEmpty()) {
        throw new IllegalArgumentException("'" + model + "': delete needs an explicit version, NAME:VERSION");
      }
    }

    @Override
    void run(ModelRegistry r) {
      ModelRef ref = ModelRef.parse(model);
      r.delete(ref.name(), ref.version().get(), TrainCommand.actor());
      System.err.println("deleted " + ref);
    }
  }

  @Command(name = "gc", mixinStandardHelpOptions = true,
      description = "Delete artifact blobs no version references (older than --grace-minutes).")
  static final class Gc extends RegistryCommand {
    @Option(names = "--grace-minutes", description = "Keep younger orphans: a training may be registering them (default: ${DEFAULT-VALUE})")
    long graceMinutes = 60;
    @Option(names = "--dry-run", description = "Only list what would be deleted")
    boolean dryRun;

    @Override
    void run(ModelRegistry r) {
      List<String> deleted = r.collectGarbage(Duration.ofMinutes(graceMinutes), dryRun, TrainCommand.actor());
      deleted.forEach(sha -> System.out.println((dryRun ? "would delete " : "deleted ") + sha));
      System.err.println(deleted.size() + " unreferenced artifact(s) " + (dryRun ? "found" : "deleted"));
    }
  }

  @Command(name = "audit", mixinStandardHelpOptions = true, description = "The registry audit log, newest first.")
  static final class Audit extends RegistryCommand {
    @Mixin
    JsonOutput output;
    @Option(names = "--limit", description = "At most this many entries (default: ${DEFAULT-VALUE})")
    int limit = 200;

    @Override
    void run(ModelRegistry r) {
      List<AuditEntry> entries = r.audit(limit);
      output.print(() -> RegistryJson.list("entries", entries.stream().map(RegistryJson::audit).toList()),
          () -> entries.forEach(e ->
              System.out.println(e.at() + "  " + e.actor() + "  " + e.action() + "  " + e.target() + "  " + e.detail())));
    }
  }

  private static String abbreviate(String commit) {
    return commit == null ? "-" : commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
