package org.detecta.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.Query;
import org.detecta.kb.TermResolution;
import org.detecta.rank.RarePhenotypeFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code detecta predict}: a differential for HPO terms, with the evidence behind each candidate. */
@Command(name = "predict", mixinStandardHelpOptions = true, description = "Rank diseases for observed (and excluded) HPO terms.")
public final class PredictCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--hpo", split = ",", paramLabel = "HP:..", description = "Observed HPO terms, comma-separated")
  List<String> observed = new ArrayList<>();

  @Option(names = "--findings", split = ",", paramLabel = "F",
      description = "Observed findings in any vocabulary the model takes (detecta: HPO ids, Kaggle symptom names, DDXPlus evidence codes)")
  List<String> findings = new ArrayList<>();

  @Option(names = "--excluded", split = ",", paramLabel = "HP:..", description = "Excluded (checked, absent) HPO terms")
  List<String> excluded = new ArrayList<>();

  @Option(names = "--top", description = "Number of candidates (default: ${DEFAULT-VALUE})")
  int top = 10;

  @Mixin
  JsonOutput output;

  @Option(names = "--model", paramLabel = "REF", description = "NAME, NAME@ALIAS or NAME:VERSION (default: ${DEFAULT-VALUE})")
  String model = RarePhenotypeFamily.NAME;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, was " + top);
    }
    if (observed.isEmpty() && findings.isEmpty()) {
      throw new IllegalArgumentException("Give observed findings with --hpo HP:..,HP:.. or --findings F,F");
    }
    Detecta detecta = common.detecta();
    var kb = detecta.knowledgeBase().get();
    List<String> problems = new ArrayList<>();
    for (String id : concat(concat(observed, excluded), findings.stream().filter(f -> f.strip().toUpperCase(java.util.Locale.ROOT).startsWith("HP:")).toList())) {
      TermResolution resolution = kb.terms().resolve(id);
      if (!resolution.usable()) {
        problems.add(resolution.describe(kb.terms().release()));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Cannot use these HPO ids: " + String.join("; ", problems));
    }
    ModelLoader.Loaded loaded = ModelLoader.load(detecta, model);
    Differential differential = loaded.model().diagnose(Query.of(concat(observed, findings), excluded), top);
    if (!findings.isEmpty() && differential.unrecognised().containsAll(findings.stream().filter(f -> !observed.contains(f)).toList())
        && observed.isEmpty()) {
      throw new IllegalArgumentException("Model " + loaded.version().name() + " knows none of " + findings
          + " (unknown symptom names or codes); nothing to rank");
    }
    output.print(() -> toJson(loaded, differential), () -> printText(kb, differential));
    return ExitCodes.OK;
  }

  private static Map<String, Object> toJson(ModelLoader.Loaded loaded, Differential differential) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", loaded.version().name());
    out.put("version", loaded.version().version());
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (Candidate c : differential.candidates()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("name", c.name());
      m.put("probability", c.probability());
      m.put("kind", c.kind().wireName());
      m.put("evidence", c.evidence());
      m.put("similarCases", c.similarCases());
      candidates.add(m);
    }
    out.put("candidates", candidates);
    out.put("unlisted", differential.unlisted());
    out.put("unrecognised", differential.unrecognised());
    return out;
  }

  private static void printText(org.detecta.kb.KnowledgeBase kb, Differential differential) {
    int rank = 1;
    for (Candidate c : differential.candidates()) {
      System.out.printf("%2d. %-14s %6.3f  %s%n", rank++, c.id(), c.probability(), c.name());
      for (Evidence e : c.evidence()) {
        System.out.printf("      %-10s %-22s %-10s %+6.2f  %s%n", e.finding(), e.match(), e.feature(), e.contribution(),
            label(kb, e.finding()));
      }
    }
    if (differential.unlisted() > 0) {
      System.out.printf("    %-14s %6.3f  a disease the model does not know%n", "(unlisted)", differential.unlisted());
    }
  }

  private static String label(org.detecta.kb.KnowledgeBase kb, String id) {
    var r = kb.terms().resolve(id);
    return r.term().flatMap(t -> kb.terms().indexOf(t)).map(i -> kb.terms().label(i)).orElse("");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
