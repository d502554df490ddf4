package org.detecta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.detecta.Detecta;
import org.detecta.cases.CaseBatch;
import org.detecta.cases.CaseFiles;
import org.detecta.cases.CaseReader;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.CaseReaders;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;
import org.detecta.cases.PhenopacketReader;
import org.detecta.pipeline.CaseEvaluator;
import org.detecta.pipeline.RankingMetrics;
import org.detecta.pipeline.ReferenceDifferential;
import org.detecta.rank.CrossValidation;
import org.detecta.rank.PhenopacketDirectory;
import org.detecta.rank.RankParameters;
import org.detecta.rank.RarePhenotypeFamily;
import org.detecta.rank.RareTrainer;
import org.detecta.rank.ResolvedCase;
import org.detecta.rank.TermResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code detecta evaluate}: a stored model on cases ({@code --cases}), publication-grouped CV ({@code --cv}),
 * or clinical-note extraction on an annotated corpus ({@code --extraction --corpus FILE}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate a stored model on cases it has not trained on, run publication-grouped cross-validation,"
        + " or score note extraction on an annotated corpus (--extraction).")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--cases", paramLabel = "PATH", description = "Phenopacket file or directory, cases TSV, DDXPlus patient CSV or Kaggle symptom CSV (wide or long)")
  Path cases;

  @Option(names = "--cv", paramLabel = "K", description = "K-fold cross-validation grouped by publication on the data directory's phenopackets"
      + " (with --extraction: K folds of the corpus's documents, product vs wording learnt from the other folds)")
  Integer folds;

  @Option(names = "--model", paramLabel = "REF", description = "NAME, NAME@ALIAS or NAME:VERSION (default: ${DEFAULT-VALUE})")
  String model = RarePhenotypeFamily.NAME;

  @Mixin
  JsonOutput output;

  @Option(names = "--out", paramLabel = "FILE", description = "Write per-case ranks (TSV)")
  Path out;

  @Option(names = "--mask", paramLabel = "F", description = "Hide this fraction of each case's findings (default: none)")
  double mask;

  @Option(names = "--seed", description = "Seed for masking, folds and perturbation (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--noise", paramLabel = "N", description = "CV only: add N random terms to each held-out case")
  int noise;

  @Option(names = "--imprecision", description = "CV only: replace each held-out observed term by a parent")
  boolean imprecision;

  @Option(names = "--sample", paramLabel = "N", description = "CV only: run on whole publications drawn at random (--seed) until N cases (default: all)")
  int sample;

  @Option(names = "--interview", paramLabel = "T1,T2,..",
      description = "Simulate interviews on the cases: ranks after asking each number of questions (e.g. 0,3,5,10,20)")
  String interview;

  @Option(names = "--policy", description = "Interview question policy: best (expected information gain) or random (default: ${DEFAULT-VALUE})")
  String policy = "best";

  @Option(names = "--stop", paramLabel = "P", description = "Interview stopping rule: stop when the top probability reaches P (default: ${DEFAULT-VALUE})")
  double stop = 0.9;

  @Option(names = "--interview-split", paramLabel = "PART", description = "Phenopacket interviews: test (engine of train+validation "
      + "publications, interview the test publications) or validation (engine of train publications only, interview the "
      + "validation publications: for tuning) (default: ${DEFAULT-VALUE})")
  String interviewSplit = "test";

  @Option(names = "--extraction", description = "Score clinical-note extraction on --corpus FILE (GSC+ format: "
      + "mention and document P/R/F1)")
  boolean extraction;

  @Option(names = "--corpus", paramLabel = "FILE", description = "--extraction: the annotated corpus")
  Path corpus;

  @Option(names = "--lang", paramLabel = "LANG", description = "--extraction: language of the corpus, es, en or auto (default: ${DEFAULT-VALUE})")
  String lang = "en";

  @Option(names = "--baseline", description = "--extraction: score the plain label/synonym dictionary with exact longest match")
  boolean baseline;

  @Option(names = "--notes", description = "--extraction: the corpus is a notes TSV with expected statuses "
      + "(id, text, HP:...=status;...): document P/R/F1 and status accuracy")
  boolean notes;

  @Option(names = "--show-errors", description = "--extraction: list each document's missed and spurious ids on stderr")
  boolean showErrors;

  @Option(names = "--note-cases", paramLabel = "FILE", description = "TSV of phenopacket id<TAB>clinical note: rank each case"
      + " from its coded terms and from its note alone (--model, --lang)")
  Path noteCases;

  @Override
  public Integer call() throws Exception {
    if (noteCases != null) {
      return NoteCaseEvaluation.run(common.detecta(), noteCases, model, lang, output, System.err);
    }
    if (extraction) {
      if (cases != null) {
        throw new IllegalArgumentException("--extraction cannot be combined with --cases");
      }
      return new ExtractionEvaluation(common, corpus, lang, baseline, notes, showErrors, folds).run();
    }
    if (corpus != null || baseline || notes || showErrors) {
      throw new IllegalArgumentException("--corpus, --baseline, --notes and --show-errors belong to --extraction");
    }
    if ((cases == null) == (folds == null)) {
      throw new IllegalArgumentException("Give exactly one of --cases PATH, --cv K or --extraction --corpus FILE");
    }
    if (!(mask >= 0 && mask < 1)) {
      throw new IllegalArgumentException("--mask must be in [0,1), was " + mask);
    }
    Detecta detecta = common.detecta();
    if (interview != null) {
      if (cases == null) {
        throw new IllegalArgumentException("--interview needs --cases PATH");
      }
      return InterviewEvaluation.run(detecta, cases, model, interview, policy, seed, stop, interviewSplit, output);
    }
    return folds != null ? crossValidate(detecta) : evaluateCases(detecta);
  }

  private int evaluateCases(Detecta detecta) throws Exception {
    if (!Files.exists(cases)) {
      throw new IllegalArgumentException("--cases " + cases + " does not exist");
    }
    CaseReader reader = CaseReaders.forPath(cases);
    CaseBatch batch = reader.read(cases);
    for (Issue issue : batch.issues()) {
      System.err.println("  " + issue);
    }
    boolean tabular = CaseFiles.baseName(cases).endsWith(".csv");
    if (tabular) {
      CsvChecks.refuseMalformedRows(cases, batch.issues());
    }
    List<PatientCase> patients = batch.cases().stream().filter(c -> !c.diagnoses().isEmpty()).toList();
    if (patients.isEmpty()) {
      throw new IllegalArgumentException("No case with a diagnosis in " + cases);
    }
    ModelLoader.Loaded loaded = ModelLoader.load(detecta, model);
    java.util.Set<String> trainingIds = loaded.model() instanceof org.detecta.rank.RareEngine engine ? engine.trainingCaseIds()
        : loaded.model() instanceof org.detecta.combined.CombinedModel combined ? combined.trainingCaseIds() : java.util.Set.of();
    if (!trainingIds.isEmpty()) {
      long trained = patients.stream().filter(p -> trainingIds.contains(p.id())).count();
      if (trained > 0) {
        System.err.printf("warning: %d of %d cases have ids the model was trained on; their figures are optimistic%n",
            trained, patients.size());
      }
    }
    long start = System.nanoTime();
    List<CaseEvaluator.Outcome> outcomes = new CaseEvaluator(loaded.model(), 2).evaluate(patients, mask, seed);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> unknown = outcomes.stream().flatMap(o -> o.unrecognised().stream()).distinct().toList();
    if (tabular) {
      CsvChecks.refuseUnknownFindings(cases, loaded.version().name(), unknown);
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    if (mask > 0) {
      RankingMetrics full = RankingMetrics.of(CaseEvaluator.ranks(new CaseEvaluator(loaded.model(), 2).evaluate(patients, 0, seed)));
      extra.put("mask", mask);
      extra.put("fullTop1", full.top1());
      extra.put("fullTop3", full.top3());
      extra.put("fullTop10", full.top10());
      extra.put("fullMrr", full.mrr());
    }
    if (reader instanceof DdxplusReader ddxplus) {
      extra.putAll(ReferenceDifferential.metrics(loaded.model(), ddxplus.readPatients(cases).patients().stream()
          .filter(p -> !p.patient().diagnoses().isEmpty()).toList()));
    }
    if (!unknown.isEmpty()) {
      System.err.printf("%d unknown finding ids ignored (cases still ranked on the rest), e.g. %s%n", unknown.size(),
          unknown.subList(0, Math.min(5, unknown.size())));
    }
    RankingMetrics m = RankingMetrics.of(CaseEvaluator.ranks(outcomes));
    long notInModel = outcomes.stream().filter(o -> !o.known()).count();
    if (out != null) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
        w.println("case_id\tdisease_ids\trank\tin_model");
        for (CaseEvaluator.Outcome o : outcomes) {
          w.println(o.patient().id() + "\t" + String.join("|", o.patient().diagnoses()) + "\t" + o.rank() + "\t" + o.known());
        }
      }
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("model", loaded.version().name());
    line.put("version", loaded.version().version());
    line.put("cases", m.cases());
    line.put("top1", m.top1());
    line.put("top3", m.top3());
    line.put("top10", m.top10());
    line.put("mrr", m.mrr());
    line.put("notInModel", notInModel);
    line.put("seconds", seconds);
    line.putAll(extra);
    output.print(() -> line, () -> {
      System.out.printf("%s on %d cases: top1 %.3f  top3 %.3f  top10 %.3f  MRR %.3f  (not in model: %d)  %.1f s%n",
          loaded.version().ref(), m.cases(), m.top1(), m.top3(), m.top10(), m.mrr(), notInModel, seconds);
      extra.forEach((k, v) -> System.out.printf("  %s %s%n", k, v));
    });
    return ExitCodes.OK;
  }

  private int crossValidate(Detecta detecta) throws Exception {
    if (folds < 2) {
      throw new IllegalArgumentException("--cv must be at least 2, was " + folds);
    }
    Path packets = detecta.paths().data().resolve("phenopackets");
    if (!Files.isDirectory(packets)) {
      throw new IllegalArgumentException("No phenopackets directory in " + detecta.paths().data());
    }
    long start = System.nanoTime();
    var kb = detecta.knowledgeBase().get();
    TermResolver resolver = new TermResolver(kb.terms());
    List<ResolvedCase> resolved = CrossValidation.sample(new PhenopacketReader().read(packets).cases().stream()
        .filter(c -> !c.diagnoses().isEmpty()).map(resolver::resolve).toList(), sample, seed);
    RareTrainer trainer = new RareTrainer(kb, RankParameters.defaults(), PhenopacketDirectory.scan(packets).labels());
    CrossValidation.Result run = CrossValidation.run(trainer, resolved, folds, seed, noise,
        imprecision, line -> System.err.println("  " + line));
    Map<String, Map<String, RankingMetrics>> result = run.metrics();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("folds", folds);
    line.put("cases", resolved.size());
    line.put("noise", noise);
    line.put("imprecision", imprecision);
    Map<String, Object> methods = new LinkedHashMap<>();
    result.forEach((method, subsets) -> {
      Map<String, Object> bySubset = new LinkedHashMap<>();
      subsets.forEach((subset, metrics) -> bySubset.put(subset, metrics.asMap()));
      methods.put(method, bySubset);
    });
    line.put("methods", methods);
    line.put("fusedEce", run.fusedEce());
    line.put("seconds", seconds);
    output.print(() -> line, () -> {
      System.out.printf("%d-fold publication-grouped CV on %d cases (noise %d, imprecision %s), %.0f s%n",
          folds, resolved.size(), noise, imprecision, seconds);
      System.out.printf("%-11s %-13s %6s %6s %6s %6s %6s%n", "method", "subset", "cases", "top1", "top3", "top10", "mrr");
      result.forEach((method, subsets) -> subsets.forEach((subset, m) ->
          System.out.printf("%-11s %-13s %6d %6.3f %6.3f %6.3f %6.3f%n", method, subset, m.cases(), m.top1(), m.top3(),
              m.top10(), m.mrr())));
      System.out.printf("fused ECE on the held-out folds (top-1 probability, 10 bins): %.3f%n", run.fusedEce());
    });
    return ExitCodes.OK;
  }
}
