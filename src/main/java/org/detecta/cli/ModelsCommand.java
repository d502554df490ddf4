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

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code detecta models ...}: inspect and manage registered model versions. */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List, show, compare, alias and delete registered model versions; model cards; the audit log.",
    subcommands = {ModelsCommand.ListCmd.class, ModelsCommand.Show.class, ModelsCommand.Alias.class,
        ModelsCommand.Compare.class, ModelsCommand.Card.class, ModelsCommand.Delete.class, ModelsCommand.Audit.class,
        ModelsCommand.Gc.class})
public final class ModelsCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every version of every model, newest first.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--json", description = "One JSON line on stdout")
    boolean json;

    @Override
    public Integer call() {
      List<ModelVersion> versions = common.detecta().registry().list();
      if (json) {
        System.out.println(RegistryJson.JSON.createObjectNode()
            .set("versions", RegistryJson.array(versions.stream().map(RegistryJson::version).toList())));
        return ExitCodes.OK;
      }
      if (versions.isEmpty()) {
        System.out.println("No model versions registered yet (run ./detecta train).");
        return ExitCodes.OK;
      }
      System.out.printf("%-24s %-22s %-25s %-12s %s%n", "VERSION", "ALIASES", "CREATED", "CODE", "TEST top1");
      for (ModelVersion v : versions) {
        System.out.printf(Locale.ROOT, "%-24s %-22s %-25s %-12s %.4f%n", v.ref(),
            v.aliases().isEmpty() ? "-" : "@" + String.join(" @", v.aliases()), v.createdAt().toString(),
            abbreviate(v.codeVersion()), v.metric("test", "top1"));
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One version: metadata, aliases, tags, run.")
  static final class Show implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Parameters(paramLabel = "MODEL", description = "NAME, NAME@ALIAS or NAME:VERSION (bare name = @champion)")
    String model;
    @Option(names = "--json", description = "One JSON line on stdout")
    boolean json;

    @Override
    public Integer call() {
      ModelVersion v = common.detecta().registry().require(ModelRef.parse(model));
      if (json) {
        System.out.println(RegistryJson.version(v));
        return ExitCodes.OK;
      }
      System.out.println(v.ref() + (v.aliases().isEmpty() ? "" : "  @" + String.join(" @", v.aliases())));
      System.out.println("  created   " + v.createdAt());
      System.out.println("  artifact  sha256 " + v.artifactSha256() + " (" + v.artifactBytes() + " bytes)");
      System.out.println("  code      " + v.codeVersion());
      System.out.println("  run       " + v.runId());
      v.tags().forEach((k, val) -> System.out.println("  tag       " + k + "=" + val));
      System.out.println("  gate      " + (v.metadata().path("gate").path("passed").asBoolean() ? "passed" : "NOT passed"));
      VersionComparison.metrics(v.metadata()).forEach((key, value) -> System.out.printf(Locale.ROOT, "  %-28s %.4f%n", key, value));
      return ExitCodes.OK;
    }
  }

  @Command(name = "alias", mixinStandardHelpOptions = true, description = "Point NAME@ALIAS at VERSION (audited).")
  static final class Alias implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
    @Parameters(index = "1", paramLabel = "VERSION")
    int version;
    @Parameters(index = "2", paramLabel = "ALIAS")
    String alias;
    @Option(names = "--reason", description = "Why, written into the audit log")
    String reason;

    @Override
    public Integer call() {
      ModelRegistry registry = common.detecta().registry();
      String actor = TrainCommand.actor();
      registry.setAlias(name, version, alias, actor, reason == null ? "set by hand by " + actor : reason);
      System.err.println(name + "@" + alias + " -> " + name + ":" + version);
      return ExitCodes.OK;
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Two versions side by side: metrics, parameters that differ, data that differs.")
  static final class Compare implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Parameters(index = "0", paramLabel = "A")
    String a;
    @Parameters(index = "1", paramLabel = "B")
    String b;
    @Option(names = "--json", description = "One JSON line on stdout")
    boolean json;

    @Override
    public Integer call() {
      ModelRegistry registry = common.detecta().registry();
      ModelVersion va = registry.require(ModelRef.parse(a));
      ModelVersion vb = registry.require(ModelRef.parse(b));
      VersionComparison cmp = VersionComparison.of(va, vb);
      if (json) {
        System.out.println(RegistryJson.JSON.valueToTree(cmp));
        return ExitCodes.OK;
      }
      System.out.printf("%-28s %14s %14s%n", "metric", va.ref(), vb.ref());
      cmp.metrics().forEach(row -> System.out.printf(Locale.ROOT, "%-28s %14.4f %14.4f%n", row.key(), row.a(), row.b()));
      System.out.println(cmp.parameters().isEmpty() ? "parameters: identical" : "parameters that differ:");
      cmp.parameters().forEach(d -> System.out.println("  " + d.key() + ": " + d.a() + " | " + d.b()));
      System.out.println(cmp.data().isEmpty() ? "data: identical" : "data that differs:");
      cmp.data().forEach(d -> System.out.println("  " + d.key() + ": " + d.a() + " | " + d.b()));
      if (!va.codeVersion().equals(vb.codeVersion())) {
        System.out.println("code: " + va.codeVersion() + " | " + vb.codeVersion());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "card", mixinStandardHelpOptions = true, description = "The Markdown model card of a version.")
  static final class Card implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Parameters(paramLabel = "MODEL", description = "NAME, NAME@ALIAS or NAME:VERSION (bare name = @champion)")
    String model;

    @Override
    public Integer call() {
      System.out.print(common.detecta().registry().card(ModelRef.parse(model)));
      return ExitCodes.OK;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete NAME:VERSION and its tags (refused while an alias points at it; the audit log keeps it).")
  static final class Delete implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Parameters(paramLabel = "NAME:VERSION")
    String model;

    @Override
    public Integer call() {
      ModelRef ref = ModelRef.parse(model);
      if (ref.version().isEmpty()) {
        throw new IllegalArgumentException("'" + model + "': delete needs an explicit version, NAME:VERSION");
      }
      common.detecta().registry().delete(ref.name(), ref.version().get(), TrainCommand.actor());
      System.err.println("deleted " + ref);
      return ExitCodes.OK;
    }
  }

  @Command(name = "gc", mixinStandardHelpOptions = true,
      description = "Delete artifact blobs no version references (older than --grace-minutes).")
  static final class Gc implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--grace-minutes", description = "Keep younger orphans: a training may be registering them (default: ${DEFAULT-VALUE})")
    long graceMinutes = 60;
    @Option(names = "--dry-run", description = "Only list what would be deleted")
    boolean dryRun;

    @Override
    public Integer call() {
      List<String> deleted = common.detecta().registry().collectGarbage(java.time.Duration.ofMinutes(graceMinutes),
          dryRun, TrainCommand.actor());
      deleted.forEach(sha -> System.out.println((dryRun ? "would delete " : "deleted ") + sha));
      System.err.println(deleted.size() + " unreferenced artifact(s) " + (dryRun ? "found" : "deleted"));
      return ExitCodes.OK;
    }
  }

  @Command(name = "audit", mixinStandardHelpOptions = true, description = "The registry audit log, newest first.")
  static final class Audit implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--json", description = "One JSON line on stdout")
    boolean json;
    @Option(names = "--limit", description = "At most this many entries (default: ${DEFAULT-VALUE})")
    int limit = 200;

    @Override
    public Integer call() {
      List<AuditEntry> entries = common.detecta().registry().audit(limit);
      if (json) {
        System.out.println(RegistryJson.JSON.createObjectNode()
            .set("entries", RegistryJson.array(entries.stream().map(RegistryJson::audit).toList())));
        return ExitCodes.OK;
      }
      for (AuditEntry e : entries) {
        System.out.println(e.at() + "  " + e.actor() + "  " + e.action() + "  " + e.target() + "  " + e.detail());
      }
      return ExitCodes.OK;
    }
  }

  private static String abbreviate(String commit) {
    return commit == null ? "-" : commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
