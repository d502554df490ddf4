package org.detecta.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.detecta.cases.PatientCase;
import org.detecta.diagnosis.Query;
import org.detecta.monitor.DriftReference;
import org.detecta.learn.AffineProjection;
import org.detecta.learn.CommonModel;
import org.detecta.learn.CommonModelArtifact;
import org.detecta.learn.Evaluation;
import org.detecta.learn.Families;
import org.detecta.learn.FeatureSpace;
import org.detecta.learn.FeatureTransforms;
import org.detecta.learn.ModelSpec;
import org.detecta.learn.ProbabilisticClassifier;
import org.detecta.learn.SoftLabelRegression;
import org.detecta.learn.TemperatureScaling;

/**
 * The common-disease training pipeline: read and validate the source, de-duplicate, split 70/20/10 by
 * identical-row groups, fit every configured candidate on train, compare on validation, calibrate the best
 * releasable one on validation, and let the release gate read the test split. When the gate fails, the next
 * (wider) round of {@code models.yaml} runs; a failing model is never marked as passed. Reports land in
 * {@code <home>/reports/<run>/}.
 */
public final class CommonTrainer {
  private final CommonSource source;
  private final Path home;
  private final ModelsConfig config;
  private final ReleaseRequirements requirements;

  public CommonTrainer(CommonSource source, Path home, ModelsConfig config, ReleaseRequirements requirements) {
    this.source = source;
    this.home = home;
    this.config = config;
    this.requirements = requirements;
  }

  /** Rows of one split after de-duplication. */
  record SplitData(List<PatientCase> cases, double[][] x, int[] y) {
    /** These rows followed by {@code other}'s. */
    SplitData with(SplitData other) {
      List<PatientCase> c = new ArrayList<>(cases);
      c.addAll(other.cases());
      double[][] both = java.util.stream.Stream.concat(java.util.Arrays.stream(x), java.util.Arrays.stream(other.x()))
          .toArray(double[][]::new);
      return new SplitData(c, both, java.util.stream.IntStream.concat(java.util.Arrays.stream(y), java.util.Arrays.stream(other.y())).toArray());
    }

  }

  /**
   * What another model may reuse from this run without touching the test split: the selected configuration
   * fitted on train only (with its validation temperature), the released artifact, and the split's cases.
   */
  public record HeldOut(CommonModel trainOnly, byte[] releasedArtifact, List<PatientCase> validation,
                        List<PatientCase> test, boolean gatePassed) {
    public HeldOut {
      validation = List.copyOf(validation);
      test = List.copyOf(test);
    }
  }

  /** Key of a candidate's k-fold top-1 over train+validation among its validation metrics (when configured). */
  static final String CV_TOP1 = "cvTop1";
  private HeldOut heldOut;

  /** The held-out view of the last {@link #train} call; empty when no model was chosen. */
  public Optional<HeldOut> heldOut() {
    return Optional.ofNullable(heldOut);
  }

  /**
   * A fitted, validation-scored candidate; {@code releasable}: storable in a safe format and small enough for the
   * size requirement (both known before the test split is read).
   */
  record Fitted(ModelSpec spec, Optional<AffineProjection> projection, ProbabilisticClassifier classifier,
                Map<String, Double> validation, double seconds, boolean releasable) {
  }

  public TrainedModel train(org.detecta.pipeline.TrainingContext context) throws IOException {
    long started = System.nanoTime();
    String run = source.name() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path reports = home.resolve("reports").resolve(run);
    Files.createDirectories(reports);
    context.progress().accept("reading " + source.files());
    CommonSource.Prepared prepared = source.prepare(context.dataDir());
    FeatureSpace space = prepared.space();
    List<PatientCase> cases = prepared.cases();

    List<String> classes = cases.stream().map(c -> c.diagnoses().get(0)).distinct().sorted().toList();
    List<String> groups = cases.stream().map(c -> rowKey(space, c)).toList();
    List<String> labels = cases.stream().map(c -> c.diagnoses().get(0)).toList();
    List<List<PatientCase>> parts = split(prepared, context.seed());
    DataValidation.Report validation = DataValidation.check(source.name(), prepared, groups, labels, parts, space);
    validation.write(reports);
    context.progress().accept(validation.summary());
    if (validation.blocking()) {
      throw new IllegalArgumentException("Data validation failed for " + source.name() + ": " + validation.summary()
          + " (see " + reports.resolve("validation.html") + ")");
    }
    writeCases(parts.get(2), reports.resolve("test-cases.csv"));
    SplitData train = encode(parts.get(0), space, classes);
    SplitData valid = encode(parts.get(1), space, classes);

    List<Map<String, Object>> roundLog = new ArrayList<>();
    List<Fitted> all = new ArrayList<>();
    List<String> reasons = List.of("no round ran");
    CommonModel model = null;
    CommonModel selectedTrainOnly = null;
    byte[] artifact = new byte[0];
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    Evaluation testEvaluation = null;
    Fitted chosen = null;
    Fitted previous = null;
    int testReads = 0;
    for (int r = 0; r < config.rounds().size(); r++) {
      ModelsConfig.Round round = config.rounds().get(r);
      List<Map<String, Object>> tried = new ArrayList<>();
      for (ModelSpec spec : config.candidates(round, context.seed() + r)) {
        Fitted fitted = fit(spec, space, train, valid, classes, context);
        if (fitted == null) {
          continue;
        }
        all.add(fitted);
        tried.add(Map.of("spec", spec.toString(), "validation", fitted.validation(), "seconds", fitted.seconds(),
            "releasable", fitted.releasable()));
      }
      chosen = all.stream().filter(Fitted::releasable)
          .max(java.util.Comparator.comparingDouble((Fitted f) -> f.validation().getOrDefault(CV_TOP1, f.validation().get("top1")))
              .thenComparingDouble(f -> f.validation().get("top1"))
              .thenComparingDouble(f -> f.validation().get("macroRecall"))
              .thenComparingDouble(f -> -f.validation().get("logLoss"))).orElse(null);
      Map<String, Object> log = new LinkedHashMap<>();
      log.put("round", r + 1);
      log.put("candidates", tried);
      if (chosen == null) {
        reasons = List.of("no releasable candidate after round " + (r + 1));
        log.put("gate", reasons);
        roundLog.add(log);
        continue;
      }
      if (previous != null && previous.spec().equals(chosen.spec())) {
        log.put("chosen", chosen.spec().toString());
        log.put("gate", List.of("same model as the previous round; test not read again", reasons));
        roundLog.add(log);
        context.progress().accept("round " + (r + 1) + ": no better candidate on validation; gate result unchanged");
        continue;
      }
      previous = chosen;
      double[][] pValid = chosen.classifier().probabilities(project(chosen.projection(), valid.x()));
      // With no validation error the log-loss optimum is T -> 0 (infinite confidence): not identifiable, keep T = 1.
      boolean noError = Evaluation.of(pValid, valid.y(), classes).metrics().get("top1") == 1.0;
      double temperature = noError ? 1.0 : TemperatureScaling.fit(pValid, valid.y());
      Optional<CommonModel.Reference> trainReference = reference(train, classes);
      CommonModel selected = new CommonModel(source.name(), space, chosen.projection(), chosen.classifier(), temperature, classes,
          trainReference);
      selectedTrainOnly = selected;
      Evaluation validationEvaluation = Evaluation.of(selected.probabilities(valid.x()), valid.y(), classes);
      Fitted released = config.refitOnTrainAndValidation() ? refit(chosen, train, valid, classes, context) : chosen;
      Optional<CommonModel.Reference> releasedReference = config.refitOnTrainAndValidation()
          ? reference(train.with(valid), classes) : trainReference;
      model = new CommonModel(source.name(), space, released.projection(), released.classifier(), temperature, classes,
          releasedReference);
      artifact = CommonModelArtifact.store(source.name(), chosen.spec().toString(), space, released.projection(), temperature,
          classes, released.classifier(), releasedReference).orElseThrow();
      // The gate: the only place the test split is read.
      SplitData test = encode(parts.get(2), space, classes);
      testReads++;
      testEvaluation = Evaluation.of(model.probabilities(test.x()), test.y(), classes);
      double latency = latencyMs(model, parts.get(1));
      metrics = new LinkedHashMap<>();
      metrics.put("validation", validationEvaluation.metrics());
      Map<String, Double> testMetrics = new LinkedHashMap<>(testEvaluation.metrics());
      testMetrics.putAll(masked(model, parts.get(2), 0.5, context.seed()));
      testMetrics.putAll(source.extraTestMetrics(model, parts.get(2)));
      metrics.put("test", testMetrics);
      metrics.put("performance", Map.of("latencyMs", latency, "artifactBytes", (double) artifact.length,
          "temperature", temperature));
      reasons = requirements.failures(testEvaluation.metrics(), latency, artifact.length);
      log.put("chosen", chosen.spec().toString());
      log.put("temperature", temperature);
      log.put("test", testMetrics);
      log.put("gate", reasons.isEmpty() ? List.of("passed") : reasons);
      roundLog.add(log);
      context.progress().accept(String.format(java.util.Locale.ROOT,
          "round %d: chose %s (validation top1 %.4f) → test top1 %.4f, ECE %.4f, %.2f ms, %d bytes: %s",
          r + 1, chosen.spec(), chosen.validation().get("top1"), testMetrics.get("top1"), testMetrics.get("ece"),
          latency, artifact.length, reasons.isEmpty() ? "gate passed" : "gate NOT met " + reasons));
      if (reasons.isEmpty()) {
        break;
      }
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("spec", chosen == null ? "none" : chosen.spec().toString());
    parameters.put("seed", context.seed());
    parameters.put("run", run);
    parameters.put("testReads", testReads);
    parameters.put("refitOnTrainAndValidation", config.refitOnTrainAndValidation());
    parameters.put("split", Map.of("train", parts.get(0).size(), "validation", parts.get(1).size(), "test", parts.get(2).size()));
    heldOut = selectedTrainOnly == null ? null : new HeldOut(selectedTrainOnly, artifact, parts.get(1), parts.get(2),
        reasons.isEmpty());
    TrainingReport.write(reports, source.name(), parameters, validation, roundLog, metrics, testEvaluation, all, reasons);
    context.progress().accept(String.format(java.util.Locale.ROOT, "report %s (%.1f s)",
        reports.resolve("training.html"), (System.nanoTime() - started) / 1e9));
    parameters.put(TrainedModel.DRIFT_REFERENCE, DriftReference.ofCases(parts.get(0)).toMetadata()); // not in the report
    return new TrainedModel(source.name(), artifact, parameters, metrics, fingerprints(context.dataDir()),
        space.featureNames(), classes, reasons.isEmpty() && model != null, reasons);
  }

  /** Fits one candidate on train and scores it on validation as a released model would score (condition profiles applied). */
  private Fitted fit(ModelSpec spec, FeatureSpace space, SplitData train, SplitData valid, List<String> classes,
                     org.detecta.pipeline.TrainingContext context) {
    long t0 = System.nanoTime();
    try {
      Optional<AffineProjection> projection = FeatureTransforms.fit(spec.transform(), spec.transformK(), train.x(),
          train.y(), classes.size());
      ProbabilisticClassifier classifier = Families.fit(spec, project(projection, train.x()), train.y(), classes, context.seed());
      double[][] p = space.restrict(valid.x(), classifier.probabilities(project(projection, valid.x())), classes);
      Evaluation evaluation = Evaluation.of(p, valid.y(), classes);
      double seconds = (System.nanoTime() - t0) / 1e9;
      context.progress().accept(String.format(java.util.Locale.ROOT, "  %-60s validation top1 %.4f macroRecall %.4f (%.1f s)",
          spec, evaluation.metrics().get("top1"), evaluation.metrics().get("macroRecall"), seconds));
      boolean releasable = CommonModelArtifact.store(source.name(), spec.toString(), space, projection, 1.0, classes, classifier,
              Optional.empty())
          .map(b -> requirements.fitsSize(b.length)).orElse(false);
      Map<String, Double> metrics = new LinkedHashMap<>(evaluation.metrics());
      if (releasable && config.selectionFolds() > 1) {
        SplitData both = train.with(valid);
        metrics.put(CV_TOP1, SelectionCrossValidation.top1(spec, space, both.x(), both.y(), classes, config.selectionFolds(),
            context.seed()));
        context.progress().accept(String.format(java.util.Locale.ROOT, "  %-60s %d-fold CV top1 on train+validation %.4f",
            spec, config.selectionFolds(), metrics.get(CV_TOP1)));
      }
      return new Fitted(spec, projection, classifier, metrics, (System.nanoTime() - t0) / 1e9, releasable);
    } catch (RuntimeException e) {
      context.progress().accept("  " + spec + " failed, skipped: " + e);
      return null;
    }
  }

  /** The reference-differential model fitted on these rows, when configured and the source has one. */
  private Optional<CommonModel.Reference> reference(SplitData rows, List<String> classes) {
    if (config.referenceWeight() <= 0) {
      return Optional.empty();
    }
    return source.referenceTargets(rows.cases(), classes).map(t -> new CommonModel.Reference(
        SoftLabelRegression.fit(rows.x(), t, SoftLabelRegression.Settings.defaults()), config.referenceWeight()));
  }

  /** The chosen configuration fitted again on train+validation rows (same seed, same transform kind). */
  private Fitted refit(Fitted chosen, SplitData train, SplitData valid, List<String> classes,
                       org.detecta.pipeline.TrainingContext context) {
    SplitData both = train.with(valid);
    double[][] x = both.x();
    int[] y = both.y();
    ModelSpec spec = chosen.spec();
    Optional<AffineProjection> projection = FeatureTransforms.fit(spec.transform(), spec.transformK(), x, y, classes.size());
    ProbabilisticClassifier classifier = Families.fit(spec, project(projection, x), y, classes, context.seed());
    context.progress().accept("refitted " + spec + " on train+validation (" + x.length + " rows)");
    return new Fitted(spec, projection, classifier, chosen.validation(), chosen.seconds(), chosen.releasable());
  }

  /**
   * De-duplicates (one row per identical encoded row, the first) and splits 70/20/10, stratified by
   * diagnosis, seeded. Deterministic, so tests and evaluations can rebuild the very same test split.
   */
  public static List<List<PatientCase>> split(CommonSource.Prepared prepared, long seed) {
    Map<String, PatientCase> representative = new LinkedHashMap<>();
    for (PatientCase c : prepared.cases()) {
      representative.putIfAbsent(rowKey(prepared.space(), c), c);
    }
    List<String> keys = new ArrayList<>(representative.keySet());
    List<PatientCase> kept = new ArrayList<>(representative.values());
    int[] side = GroupSplit.split(keys, kept.stream().map(c -> c.diagnoses().get(0)).toList(), 0.2, 0.1, seed);
    List<List<PatientCase>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < kept.size(); i++) {
      parts.get(side[i]).add(kept.get(i));
    }
    return parts;
  }

  /**
   * Copies the test split's original CSV lines (with the header) to {@code test-cases.csv}, so
   * {@code detecta evaluate --cases} can score a released model on exactly the rows it never saw.
   */
  static void writeCases(List<PatientCase> cases, Path target) throws IOException {
    Map<String, java.util.TreeSet<Integer>> linesByFile = new LinkedHashMap<>();
    for (PatientCase c : cases) {
      int colon = c.source().lastIndexOf(':');
      linesByFile.computeIfAbsent(c.source().substring(0, colon), k -> new java.util.TreeSet<>())
          .add(Integer.parseInt(c.source().substring(colon + 1)));
    }
    if (linesByFile.size() != 1) {
      return;
    }
    Map.Entry<String, java.util.TreeSet<Integer>> only = linesByFile.entrySet().iterator().next();
    List<String> lines = Files.readAllLines(Path.of(only.getKey()));
    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    only.getValue().forEach(n -> out.add(lines.get(n - 1)));
    Files.write(target, out);
  }

  static double[][] project(Optional<AffineProjection> projection, double[][] x) {
    return projection.map(p -> p.apply(x)).orElse(x);
  }

  static SplitData encode(List<PatientCase> cases, FeatureSpace space, List<String> classes) {
    double[][] x = new double[cases.size()][];
    int[] y = new int[cases.size()];
    for (int i = 0; i < cases.size(); i++) {
      PatientCase c = cases.get(i);
      x[i] = space.encode(c.observed(), c.sex(), c.ageYears()).x();
      y[i] = classes.indexOf(c.diagnoses().get(0));
    }
    return new SplitData(cases, x, y);
  }

  /** Identical encoded rows share a key: the unit of de-duplication and of the group-aware split. */
  static String rowKey(FeatureSpace space, PatientCase c) {
    double[] x = space.encode(c.observed(), c.sex(), c.ageYears()).x();
    StringBuilder key = new StringBuilder();
    for (int j = 0; j < x.length; j++) {
      if (x[j] != 0) {
        key.append(j).append('=').append(x[j]).append(';');
      }
    }
    return key.toString();
  }

  /** Mean milliseconds per diagnose() call with explanations, after a warm-up. */
  public static double latencyMs(CommonModel model, List<PatientCase> cases) {
    int n = Math.min(200, cases.size());
    for (int i = 0; i < n; i++) {
      model.diagnose(Query.of(cases.get(i)), 10);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      model.diagnose(Query.of(cases.get(i)), 10);
    }
    return n == 0 ? 0 : (System.nanoTime() - t0) / 1e6 / n;
  }

  /** Top-1/3 when a seeded random fraction of each patient's findings is hidden (at least one kept). */
  static Map<String, Double> masked(CommonModel model, List<PatientCase> cases, double fraction, long seed) {
    Random random = new Random(seed);
    int top1 = 0;
    int top3 = 0;
    for (PatientCase c : cases) {
      List<String> findings = new ArrayList<>(c.observed());
      java.util.Collections.shuffle(findings, random);
      int keep = Math.max(1, (int) Math.round(findings.size() * (1 - fraction)));
      List<String> shown = findings.subList(0, Math.min(keep, findings.size()));
      int rank = model.diagnose(new Query(shown, List.of(), c.sex(), c.ageYears()), 3).rankOfAny(c.diagnoses());
      top1 += rank == 1 ? 1 : 0;
      top3 += rank >= 1 && rank <= 3 ? 1 : 0;
    }
    String p = "masked" + (int) Math.round(fraction * 100);
    return Map.of(p + "Top1", cases.isEmpty() ? 0 : top1 / (double) cases.size(),
        p + "Top3", cases.isEmpty() ? 0 : top3 / (double) cases.size());
  }

  private List<DataFile> fingerprints(Path dataDir) throws IOException {
    List<DataFile> files = new ArrayList<>();
    for (String name : source.files()) {
      Path file = dataDir.resolve(name);
      files.add(new DataFile(name, sha256(file), Files.size(file), ""));
    }
    return files;
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
