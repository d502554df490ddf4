package org.detecta.cli;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.detecta.Detecta;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;
import org.detecta.interview.DdxplusInterview;
import org.detecta.interview.HpoInterview;
import org.detecta.interview.InterviewSimulator;
import org.detecta.interview.InterviewSummary;
import org.detecta.rank.RareEngine;

/**
 * {@code detecta evaluate --interview T1,T2,..}: simulated interviews on held-out cases (DDXPlus patient CSV,
 * phenopackets or cases TSV) with the best or the random policy; prints the contract's one JSON line.
 */
final class InterviewEvaluation {
  static final int STOP_BUDGET = 30;

  private InterviewEvaluation() {
  }

  static List<Integer> budgets(String spec) {
    List<Integer> out = new ArrayList<>();
    for (String part : spec.split(",")) {
      try {
        int b = Integer.parseInt(part.trim());
        if (b < 0 || b > 200) {
          throw new NumberFormatException();
        }
        out.add(b);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--interview takes whole numbers of questions in 0..200 separated by commas, was '" + spec + "'");
      }
    }
    return out;
  }

  static InterviewSimulator.Policy policy(String name) {
    return switch (name) {
      case "best" -> InterviewSimulator.Policy.BEST;
      case "random" -> InterviewSimulator.Policy.RANDOM;
      default -> throw new IllegalArgumentException("--policy must be best or random, was '" + name + "'");
    };
  }

  static int run(Detecta detecta, Path cases, String modelRef, String budgetSpec, String policyName, long seed,
                 double threshold, String split, JsonOutput output) throws Exception {
    if (!"test".equals(split) && !"validation".equals(split)) {
      throw new IllegalArgumentException("--interview-split must be test or validation, was '" + split + "'");
    }
    List<Integer> budgets = budgets(budgetSpec);
    InterviewSimulator.Policy policy = policy(policyName);
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--stop must be in (0,1], was " + threshold);
    }
    ModelLoader.Loaded loaded = ModelLoader.load(detecta, modelRef);
    long start = System.nanoTime();
    List<InterviewSimulator.Patient> patients;
    org.detecta.interview.Interviewer interviewer;
    if (isDdxplusCsv(cases)) {
      if (!"ddxplus".equals(loaded.version().name())) {
        throw new IllegalArgumentException("DDXPlus patients need the ddxplus model, not " + loaded.version().name());
      }
      long trainSeed = loaded.version().metadata().path("parameters").path("seed").asLong(42);
      DdxplusInterview.Built built = DdxplusInterview.build(detecta.paths().data(), trainSeed);
      DdxplusReader.Batch batch = new DdxplusReader().readPatients(cases);
      batch.issues().forEach(i -> System.err.println("  " + i));
      List<DdxplusPatient> rows = batch.patients().stream()
          .filter(p -> !built.trainingKeys().contains(DdxplusInterview.key(p.patient()))).toList();
      if (rows.size() < batch.patients().size()) {
        System.err.printf("skipped %d of %d patients the model was fitted on%n", batch.patients().size() - rows.size(),
            batch.patients().size());
      }
      patients = DdxplusInterview.patients(built.questions(), rows);
      interviewer = built.interviewer();
    } else {
      if (!(loaded.model() instanceof RareEngine stored)) {
        throw new IllegalArgumentException("Phenopackets and cases TSV need the rare-phenotype model, not " + loaded.version().name());
      }
      RareEngine engine = stored;
      Path packets = detecta.paths().data().resolve("phenopackets");
      Set<String> heldIds = null;
      if (Files.isDirectory(packets)) {
        long trainSeed = Long.parseLong(loaded.version().tags().getOrDefault("seed", "42"));
        int part = "validation".equals(split) ? org.detecta.pipeline.GroupSplit.VALIDATION : org.detecta.pipeline.GroupSplit.TEST;
        System.err.println("rebuilding the engine of the publication-grouped split (seed " + trainSeed + ") to hold out its "
            + split + " publications");
        org.detecta.interview.RareHeldOut heldOut = org.detecta.interview.RareHeldOut.build(detecta.knowledgeBase().get(),
            engine, packets, trainSeed, part);
        engine = heldOut.engine();
        heldIds = heldOut.testIds();
      } else if ("validation".equals(split)) {
        throw new IllegalArgumentException("--interview-split validation needs the phenopackets in the data directory");
      }
      Set<String> trained = engine.trainingCaseIds();
      Set<String> interviewed = heldIds;
      var batch = org.detecta.cases.CaseReaders.forPath(cases).read(cases);
      for (Issue issue : batch.issues()) {
        System.err.println("  " + issue);
      }
      List<PatientCase> held = batch.cases().stream().filter(c -> !c.diagnoses().isEmpty())
          .filter(c -> !trained.contains(c.id())).filter(c -> interviewed == null || "test".equals(split)
              || interviewed.contains(c.id())).toList();
      if (held.size() < batch.cases().size()) {
        System.err.printf("skipped %d of %d cases (no diagnosis, or the model trained on them)%n",
            batch.cases().size() - held.size(), batch.cases().size());
      }
      HpoInterview hpo = new HpoInterview(engine, org.detecta.text.SpanishLabels.fromDataDir(detecta.paths().data()));
      List<PatientCase> training = batch.cases().stream().filter(c -> !c.diagnoses().isEmpty()).filter(c -> trained.contains(c.id())).toList();
      if (!training.isEmpty() && Boolean.getBoolean(HpoInterview.FIT_RATES_PROPERTY)) {
        hpo = hpo.withRates(hpo.fitRates(training, 3, seed, HpoInterview.RATE_CASES));
        System.err.println("answer rates fitted on " + Math.min(training.size(), HpoInterview.RATE_CASES) + " training cases: " + hpo.rates());
      }
      patients = hpo.patients(held, 3, seed);
      interviewer = hpo;
    }
    if (patients.isEmpty()) {
      throw new IllegalArgumentException("No held-out case to interview in " + cases);
    }
    int max = Math.max(STOP_BUDGET, budgets.stream().mapToInt(Integer::intValue).max().orElse(0));
    var traces = new InterviewSimulator(interviewer, policy, seed).runAll(patients, max, 2);
    InterviewSummary summary = InterviewSummary.of(traces, budgets, threshold, STOP_BUDGET);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("model", loaded.version().name());
    line.put("version", loaded.version().version());
    line.putAll(summary.asMap(policyName));
    line.put("seconds", seconds);
    output.print(() -> line, () -> {
      System.out.printf("%s, %d cases, policy %s (%.1f s)%n", loaded.version().ref(), summary.cases(), policyName, seconds);
      summary.interview().forEach(b -> System.out.printf("  after %2d questions: top1 %.3f  top3 %.3f  top10 %.3f%n",
          b.questions(), b.top1(), b.top3(), b.top10()));
      var s = summary.stop();
      System.out.printf("  stop at %.2f: mean %.2f, median %.1f questions, top1 %.3f, top3 %.3f%n", s.threshold(),
          s.meanQuestions(), s.medianQuestions(), s.top1(), s.top3());
    });
    return ExitCodes.OK;
  }

  static boolean isDdxplusCsv(Path path) throws java.io.IOException {
    if (!Files.isRegularFile(path) || !path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      return false;
    }
    try (BufferedReader reader = Files.newBufferedReader(path)) {
      String header = reader.readLine();
      return header != null && DdxplusReader.recognises(header);
    }
  }

  static String describe(List<Integer> budgets) {
    return Arrays.toString(budgets.toArray());
  }
}
