package org.detecta.combined;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.detecta.cases.PatientCase;
import org.detecta.diagnosis.Query;
import org.detecta.kb.KnowledgeBase;
import org.detecta.pipeline.CommonTrainer;
import org.detecta.pipeline.DataFile;
import org.detecta.pipeline.RankingMetrics;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;

/**
 * Trains {@code detecta}: takes each engine as trained on its own training split only, scores the three
 * validation splits, fits the world gate there (each source equal total weight), reads each test split once
 * to measure the combination next to each engine alone, checks {@code requirements.yaml}, and stores the
 * gate with the released component artifacts. Reports land in {@code <home>/reports/detecta-<time>/}.
 */
public final class CombinedTrainer {
  static final List<String> SOURCES = WorldGate.WORLDS;

  private final DetectaFamily family;
  private final CombinedConfig config;
  private final Path home;

  public CombinedTrainer(DetectaFamily family, CombinedConfig config, Path home) {
    this.family = family;
    this.config = config;
    this.home = home;
  }

  /** One source's cases and how every engine scored them. */
  record Scored(List<PatientCase> cases, List<Engines.Scored> scores) {
  }

  public TrainedModel train(TrainingContext context) throws IOException {
    long started = System.nanoTime();
    String run = CombinedModel.NAME + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Path reports = home.resolve("reports").resolve(run);
    TrainedModel rareTrained = family.rare().trained(context);
    CommonTrainer.HeldOut ddxplus = family.ddxplus().heldOut(context);
    CommonTrainer.HeldOut kaggle = family.kaggle().heldOut(context);
    KnowledgeBase kb = context.knowledgeBase().get();
    context.progress().accept("rare engine on the training publications only ...");
    RareHeldOut rare = RareHeldOut.of(context.dataDir(), context.seed(), kb, rareTrained.artifact());
    FindingMap map = FindingMap.bundled();
    Engines engines = new Engines(rare.trainOnly(), ddxplus.trainOnly(), kaggle.trainOnly(),
        new FindingTranslator(kb.terms(), map, kaggle.trainOnly().features(), ddxplus.trainOnly().features()));

    List<Scored> validation = score(engines, List.of(rare.validation(), ddxplus.validation(), kaggle.validation()), context, "validation");
    double[][] weights = fitGate(validation);
    WorldGate gate = new WorldGate(weights, WorldGate.priors(config.priorRare()));
    Map<String, Object> validationMetrics = metrics(validation, gate);
    Map<String, Object> sensitivity = new LinkedHashMap<>();
    for (double prior : config.priorSensitivity()) {
      Map<String, Object> m = metrics(validation, gate.withPrior(WorldGate.priors(prior)));
      Map<String, Object> top1 = new LinkedHashMap<>();
      SOURCES.forEach(s -> top1.put(s, ((Map<?, ?>) ((Map<?, ?>) m.get(s)).get("detecta")).get("top1")));
      sensitivity.put(String.format(Locale.ROOT, "priorRare=%.4f", prior), top1);
    }
    context.progress().accept("gate fitted on validation " + summary(validationMetrics));

    // The only place the test splits are read.
    List<Scored> test = score(engines, List.of(rare.test(), ddxplus.test(), kaggle.test()), context, "test");
    Map<String, Object> testMetrics = metrics(test, gate);
    context.progress().accept("test " + summary(testMetrics));

    byte[] artifact = new CombinedArtifact(weights, WorldGate.priors(config.priorRare()), map.rows(), rareTrained.artifact(),
        ddxplus.releasedArtifact(), kaggle.releasedArtifact()).toBytes();
    CombinedModel released = (CombinedModel) family.load(artifact, context.knowledgeBase());
    double latency = latencyMs(released, validation);
    List<String> reasons = gateFailures(testMetrics, rareTrained.gatePassed(), ddxplus.gatePassed(), kaggle.gatePassed(),
        latency, artifact.length);
    context.progress().accept(String.format(Locale.ROOT, "%.2f ms per diagnose, %d bytes: %s", latency, artifact.length,
        reasons.isEmpty() ? "gate passed" : "gate NOT met " + reasons));

    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("run", run);
    parameters.put("seed", context.seed());
    parameters.put("priorRare", config.priorRare());
    parameters.put("l2", config.l2());
    parameters.put("gateFeatures", WorldGate.FEATURES);
    parameters.put("gateWeights", weights);
    parameters.put("components", Map.of("rare-phenotype", "profiles on training publications while fitting; released: "
        + "the rare-phenotype artifact of this run", "ddxplus", "selected configuration, train split while fitting;"
        + " released: the ddxplus artifact of this run", "kaggle-symptoms", "likewise"));
    parameters.put("split", Map.of("validation", sizes(validation), "test", sizes(test)));
    parameters.put("testReads", 1);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", CombinedModel.NAME);
    report.put("parameters", parameters);
    report.put("gate", reasons.isEmpty() ? List.of("passed") : reasons);
    report.put("validation", validationMetrics);
    report.put("priorSensitivityValidationTop1", sensitivity);
    report.put("test", testMetrics);
    report.put("performance", Map.of("latencyMs", latency, "artifactBytes", artifact.length));
    CombinedReport.write(reports, report);
    context.progress().accept(String.format(Locale.ROOT, "report %s (%.1f s)", reports.resolve("training.html"),
        (System.nanoTime() - started) / 1e9));

    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    metrics.put("validation", flat(validationMetrics));
    metrics.put("test", flat(testMetrics));
    metrics.put("performance", Map.of("latencyMs", latency, "artifactBytes", (double) artifact.length));
    List<DataFile> data = new ArrayList<>(rareTrained.data());
    for (String file : family.ddxplus().source().files()) {
      data.add(dataFile(context.dataDir(), file));
    }
    for (String file : family.kaggle().source().files()) {
      data.add(dataFile(context.dataDir(), file));
    }
    List<String> inputs = new ArrayList<>();
    for (int t = 0; t < kb.terms().size(); t++) {
      inputs.add(kb.terms().id(t).getValue());
    }
    inputs.addAll(released.engines().kaggle().features().inputTokens());
    inputs.addAll(released.engines().ddxplus().features().inputTokens());
    List<String> outputs = new ArrayList<>(rareTrained.outputs());
    outputs.addAll(released.engines().ddxplus().classes());
    outputs.addAll(released.engines().kaggle().classes());
    return new TrainedModel(CombinedModel.NAME, artifact, parameters, metrics, data, inputs,
        outputs.stream().distinct().toList(), reasons.isEmpty(), reasons);
  }

  private static List<Scored> score(Engines engines, List<List<PatientCase>> sources, TrainingContext context, String split) {
    List<Scored> out = new ArrayList<>();
    for (int w = 0; w < sources.size(); w++) {
      long t0 = System.nanoTime();
      List<PatientCase> cases = sources.get(w);
      List<Engines.Scored> scores = cases.parallelStream().map(c -> engines.score(Query.of(c), 0)).toList();
      out.add(new Scored(cases, scores));
      context.progress().accept(String.format(Locale.ROOT, "  scored %d %s %s cases with all three engines (%.1f s)",
          cases.size(), SOURCES.get(w), split, (System.nanoTime() - t0) / 1e9));
    }
    return out;
  }

  /** Gate weights fitted on validation, each source given the same total weight. */
  private double[][] fitGate(List<Scored> validation) {
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    List<Double> weight = new ArrayList<>();
    for (int w = 0; w < validation.size(); w++) {
      List<Engines.Scored> scores = validation.get(w).scores();
      for (Engines.Scored s : scores) {
        x.add(s.features());
        y.add(w);
        weight.add(1.0 / scores.size());
      }
    }
    return WorldGate.fit(x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
        weight.stream().mapToDouble(Double::doubleValue).toArray(), config.l2(), config.iterations());
  }

  /** Per source: the combination (top-k, MRR, ECE of the top candidate, kind accuracy) next to the engine alone. */
  static Map<String, Object> metrics(List<Scored> sources, WorldGate gate) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int w = 0; w < sources.size(); w++) {
      Scored source = sources.get(w);
      int n = source.cases().size();
      int[] combined = new int[n];
      int[] alone = new int[n];
      double[] confidence = new double[n];
      boolean[] correct = new boolean[n];
      int kindRight = 0;
      for (int i = 0; i < n; i++) {
        List<String> truth = source.cases().get(i).diagnoses();
        Outcome o = Outcome.of(source.scores().get(i), gate, truth);
        combined[i] = o.rank();
        confidence[i] = o.topProbability();
        correct[i] = o.topCorrect();
        kindRight += (o.topWorld() == 0) == (w == 0) ? 1 : 0;
        alone[i] = source.scores().get(i).byWorld().get(w).rankOfAny(truth);
      }
      Map<String, Object> d = new LinkedHashMap<>(RankingMetrics.of(combined).asMap());
      d.put("ece", ece(confidence, correct));
      d.put("kindAccuracy", n == 0 ? 0.0 : kindRight / (double) n);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("detecta", d);
      m.put("engineAlone", RankingMetrics.of(alone).asMap());
      out.put(SOURCES.get(w), m);
    }
    return out;
  }

  /** Expected calibration error of the top candidate's probability, 10 equal-width bins. */
  static double ece(double[] confidence, boolean[] correct) {
    int bins = 10;
    double[] sumP = new double[bins];
    double[] sumY = new double[bins];
    int[] count = new int[bins];
    for (int i = 0; i < confidence.length; i++) {
      int b = Math.min(bins - 1, (int) (confidence[i] * bins));
      sumP[b] += confidence[i];
      sumY[b] += correct[i] ? 1 : 0;
      count[b]++;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += Math.abs(sumP[b] - sumY[b]) / confidence.length;
      }
    }
    return ece;
  }

  private List<String> gateFailures(Map<String, Object> test, boolean rarePassed, boolean ddxplusPassed,
                                    boolean kagglePassed, double latency, long bytes) {
    List<String> reasons = new ArrayList<>();
    if (!rarePassed || !ddxplusPassed || !kagglePassed) {
      reasons.add("a component did not pass its own release gate (rare-phenotype " + rarePassed + ", ddxplus "
          + ddxplusPassed + ", kaggle-symptoms " + kagglePassed + ")");
    }
    for (String source : SOURCES) {
      double mine = top1(test, source, "detecta");
      double alone = top1(test, source, "engineAlone");
      if (alone - mine > config.maxTop1Drop()) {
        reasons.add(String.format(Locale.ROOT, "%s test top1 %.4f trails the engine alone (%.4f) by more than %.2f",
            source, mine, alone, config.maxTop1Drop()));
      }
    }
    if (latency > config.maxLatencyMs()) {
      reasons.add(String.format(Locale.ROOT, "latency %.2f ms > %.2f ms", latency, config.maxLatencyMs()));
    }
    if (bytes > config.maxModelBytes()) {
      reasons.add("model size " + bytes + " bytes > " + config.maxModelBytes());
    }
    return reasons;
  }

  private static double top1(Map<String, Object> metrics, String source, String who) {
    return (Double) ((Map<?, ?>) ((Map<?, ?>) metrics.get(source)).get(who)).get("top1");
  }

  /** Flat metric names for the registry: {@code rareTop1}, {@code ddxplusAloneTop1}, ...; {@code top1} is the mean over sources. */
  static Map<String, Double> flat(Map<String, Object> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    double sum = 0;
    for (String source : SOURCES) {
      Map<?, ?> m = (Map<?, ?>) metrics.get(source);
      ((Map<?, ?>) m.get("detecta")).forEach((k, v) -> out.put(source + cap(k.toString()), ((Number) v).doubleValue()));
      ((Map<?, ?>) m.get("engineAlone")).forEach((k, v) -> out.put(source + "Alone" + cap(k.toString()), ((Number) v).doubleValue()));
      sum += top1(metrics, source, "detecta");
    }
    out.put("top1", sum / SOURCES.size());
    return out;
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String summary(Map<String, Object> metrics) {
    StringBuilder s = new StringBuilder();
    for (String source : SOURCES) {
      s.append(String.format(Locale.ROOT, "%s top1 %.4f (alone %.4f) ", source, top1(metrics, source, "detecta"),
          top1(metrics, source, "engineAlone")));
    }
    return s.toString().trim();
  }

  private static Map<String, Integer> sizes(List<Scored> sources) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int w = 0; w < sources.size(); w++) {
      out.put(SOURCES.get(w), sources.get(w).cases().size());
    }
    return out;
  }

  /** Mean ms per diagnose(top 10) of the released model over up to 50 validation cases of each source. */
  private static double latencyMs(CombinedModel model, List<Scored> validation) {
    List<PatientCase> sample = new ArrayList<>();
    validation.forEach(s -> sample.addAll(s.cases().subList(0, Math.min(50, s.cases().size()))));
    sample.forEach(c -> model.diagnose(Query.of(c), 10));
    long t0 = System.nanoTime();
    sample.forEach(c -> model.diagnose(Query.of(c), 10));
    return sample.isEmpty() ? 0 : (System.nanoTime() - t0) / 1e6 / sample.size();
  }

  private static DataFile dataFile(Path dataDir, String name) throws IOException {
    Path file = dataDir.resolve(name);
    return new DataFile(name, CommonTrainer.sha256(file), Files.size(file), "");
  }
}
