package org.detecta.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.Model;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.PatientCase;
import org.detecta.learn.CommonModel;
import org.detecta.learn.DenseNetwork;
import org.detecta.learn.DenseNetworkArtifact;
import org.detecta.learn.Evaluation;
import org.detecta.learn.FeatureSpace;
import org.detecta.learn.TemperatureScaling;
import org.detecta.pipeline.CommonTrainer;
import org.detecta.pipeline.DataFile;
import org.detecta.pipeline.DistributedTraining;
import org.detecta.pipeline.ModelsConfig;
import org.detecta.pipeline.ReleaseRequirements;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.detecta.spark.lake.SparkLakeIngestor;

/**
 * {@code train --engine spark --model ddxplus}: reads {@code clean.ddxplus_patients} at its current Iceberg
 * snapshot, encodes it with the core's {@link FeatureSpace} on the executors, writes the matrix to the features
 * zone ({@code features.ddxplus}, tagged with that snapshot), fits Spark MLlib logistic regression, random
 * forest, gradient-boosted trees (binary-only in MLlib, so one-vs-rest over the classes) and a multilayer
 * perceptron on the train split, and releases the best on validation among those that export to plain numbers
 * (logistic regression, MLP → {@link DenseNetwork}; the tree ensembles are compared only). The released model is
 * calibrated on validation and gated on test with {@code config/requirements.yaml}, as locally trained ones are.
 */
public final class SparkDdxplusTrainer implements DistributedTraining {
  /** Which MLlib families to fit: system property {@code detecta.spark.families} (comma-separated). */
  static final String FAMILIES = "logistic,random-forest,gbt-ovr,mlp";

  @Override
  public List<String> models() {
    return List.of("ddxplus");
  }

  @Override
  public TrainedModel train(String model, TrainingContext context, String lake, String master, Path home) throws Exception {
    String location = Path.of(lake.startsWith("file:") ? lake.substring(5) : lake).toAbsolutePath().normalize().toString();
    if (!Files.exists(Path.of(location, SparkLakeIngestor.MARKER))) {
      throw new IllegalArgumentException(lake + " is not a Detecta lake: run ./detecta lake ingest --lake " + lake + " first");
    }
    SparkSession spark = SparkSessions.withLake(master, "detecta-train", location);
    String table = SparkSessions.CATALOG + ".clean.ddxplus_patients";
    if (!spark.catalog().tableExists(table)) {
      throw new IllegalArgumentException("the lake has no " + table + ": ingest a data directory with ddxplus/patients.csv");
    }
    Snapshot snapshot = Spark3Util.loadIcebergTable(spark, table).currentSnapshot();
    String rawSnapshot = snapshot.summary().getOrDefault("detecta.raw-snapshot", "");
    Dataset<Row> patients = spark.sql("SELECT * FROM " + table + " VERSION AS OF " + snapshot.snapshotId());
    FeatureSpace space = FeatureSpace.ddxplus(DdxplusCatalog.load(context.dataDir().resolve("ddxplus")));
    List<String> classes = patients.select(functions.explode(functions.col("diagnoses"))).distinct().collectAsList()
        .stream().map(r -> r.getString(0)).sorted().toList();
    context.progress().accept("lake " + table + " @" + snapshot.snapshotId() + " (raw " + rawSnapshot + "), "
        + classes.size() + " classes");
    Dataset<Row> encoded = FeatureMatrix.encode(patients, space, classes, context.seed()).cache();
    long featuresSnapshot = FeatureMatrix.write(spark, encoded, snapshot.snapshotId());
    Dataset<Row> train = encoded.filter("split = 0").select("label", "features").cache();
    List<PatientCase> valid = FeatureMatrix.cases(encoded.filter("split = 1"));
    List<PatientCase> test = FeatureMatrix.cases(encoded.filter("split = 2"));
    double[][] xValid = encode(space, valid);
    int[] yValid = labels(valid, classes);

    List<Map<String, Object>> candidates = new ArrayList<>();
    CommonModel best = null;
    DenseNetwork bestNetwork = null;
    double bestTemperature = 1.0;
    String bestSpec = "";
    double bestTop1 = -1;
    for (String family : System.getProperty("detecta.spark.families", FAMILIES).split(",")) {
      long t0 = System.nanoTime();
      Model<?> fitted = fit(family.trim(), train, space.size(), classes.size(), context.seed());
      Optional<DenseNetwork> network = export(fitted);
      double[][] pValid = network.isPresent() ? network.get().probabilities(xValid) : sparkProbabilities(fitted, encoded, classes.size());
      double top1 = Evaluation.of(pValid, yValid, classes).metrics().get("top1");
      double seconds = (System.nanoTime() - t0) / 1e9;
      candidates.add(Map.of("family", family.trim(), "validationTop1", top1, "seconds", seconds, "releasable", network.isPresent()));
      context.progress().accept(String.format(java.util.Locale.ROOT, "%s: validation top1 %.4f in %.1f s%s", family.trim(),
          top1, seconds, network.isPresent() ? "" : " (compared only: no portable export)"));
      if (network.isPresent() && top1 > bestTop1) {
        boolean noError = top1 == 1.0;
        double temperature = noError ? 1.0 : TemperatureScaling.fit(pValid, yValid);
        best = new CommonModel(model, space, Optional.empty(), network.get(), temperature, classes);
        bestNetwork = network.get();
        bestTemperature = temperature;
        bestSpec = "spark-mllib:" + family.trim();
        bestTop1 = top1;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no releasable family among " + System.getProperty("detecta.spark.families", FAMILIES)
          + " (only logistic and mlp export)");
    }
    byte[] artifact = DenseNetworkArtifact.toBytes(model, bestSpec, space, bestTemperature, classes, bestNetwork);
    Map<String, Double> validMetrics = Evaluation.of(best.probabilities(xValid), yValid, classes).metrics();
    Map<String, Double> testMetrics = Evaluation.of(best.probabilities(encode(space, test)), labels(test, classes), classes).metrics();
    double latency = CommonTrainer.latencyMs(best, test);
    ReleaseRequirements requirements = ReleaseRequirements.load(ModelsConfig.configFile("requirements.yaml"), model);
    List<String> reasons = requirements.failures(testMetrics, latency, artifact.length);
    context.progress().accept(String.format(java.util.Locale.ROOT, "released candidate %s: test top1 %.4f, ECE %.4f: %s",
        bestSpec, testMetrics.get("top1"), testMetrics.get("ece"), reasons.isEmpty() ? "gate passed" : "gate NOT met " + reasons));
    Map<String, Object> lineage = new LinkedHashMap<>();
    lineage.put("lake", location);
    lineage.put("rawSnapshot", rawSnapshot);
    lineage.put(table, snapshot.snapshotId());
    lineage.put(FeatureMatrix.TABLE, featuresSnapshot);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("spec", bestSpec);
    parameters.put("engine", "spark");
    parameters.put("master", master);
    parameters.put("seed", context.seed());
    parameters.put("lakeSnapshots", lineage);
    parameters.put("candidates", candidates);
    parameters.put("split", Map.of("train", train.count(), "validation", valid.size(), "test", test.size()));
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    metrics.put("validation", validMetrics);
    metrics.put("test", testMetrics);
    metrics.put("performance", Map.of("latencyMs", latency, "artifactBytes", (double) artifact.length, "temperature", bestTemperature));
    List<DataFile> data = List.of(new DataFile("lake:" + table, "iceberg-snapshot-" + snapshot.snapshotId(),
        valid.size() + test.size() + train.count(), rawSnapshot));
    encoded.unpersist();
    train.unpersist();
    return new TrainedModel(model, artifact, parameters, metrics, data, space.featureNames(), classes, reasons.isEmpty(), reasons);
  }

  private static Model<?> fit(String family, Dataset<Row> train, int features, int classes, long seed) {
    return switch (family) {
      case "logistic" -> new LogisticRegression().setFamily("multinomial").setMaxIter(100).setRegParam(1e-4).fit(train);
      case "random-forest" -> new RandomForestClassifier().setNumTrees(50).setMaxDepth(15).setSeed(seed).fit(train);
      case "gbt-ovr" -> new OneVsRest().setClassifier(new GBTClassifier().setMaxIter(10).setMaxDepth(4).setSeed(seed)).fit(train);
      case "mlp" -> new MultilayerPerceptronClassifier().setLayers(new int[] {features, 64, classes}).setMaxIter(200)
          .setSeed(seed).fit(train);
      default -> throw new IllegalArgumentException("unknown Spark family '" + family + "' (logistic, random-forest, gbt-ovr, mlp)");
    };
  }

  /** Logistic regression and MLP as plain layers; empty for tree ensembles. */
  static Optional<DenseNetwork> export(Model<?> model) {
    if (model instanceof LogisticRegressionModel lr) {
      return Optional.of(new DenseNetwork(List.of(new DenseNetwork.Layer(rows(lr), lr.interceptVector().toArray()))));
    }
    if (model instanceof MultilayerPerceptronClassificationModel mlp) {
      int[] sizes = mlp.getLayers();
      double[] w = mlp.weights().toArray();
      List<DenseNetwork.Layer> layers = new ArrayList<>();
      int offset = 0;
      for (int l = 0; l + 1 < sizes.length; l++) {
        int in = sizes[l];
        int out = sizes[l + 1];
        double[][] weights = new double[out][in];
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            weights[o][i] = w[offset + i * out + o]; // column-major out × in, as MLlib's affine layers store them
          }
        }
        offset += in * out;
        double[] bias = java.util.Arrays.copyOfRange(w, offset, offset + out);
        offset += out;
        layers.add(new DenseNetwork.Layer(weights, bias));
      }
      return Optional.of(new DenseNetwork(layers));
    }
    return Optional.empty();
  }

  private static double[][] rows(LogisticRegressionModel lr) {
    var m = lr.coefficientMatrix();
    double[][] rows = new double[m.numRows()][m.numCols()];
    for (int r = 0; r < m.numRows(); r++) {
      for (int c = 0; c < m.numCols(); c++) {
        rows[r][c] = m.apply(r, c);
      }
    }
    return rows;
  }

  /** Validation probabilities of a model that only Spark can run (tree ensembles), in validation row order. */
  private static double[][] sparkProbabilities(Model<?> model, Dataset<Row> encoded, int classes) {
    Dataset<Row> valid = encoded.filter("split = 1").orderBy("id");
    List<Row> rows = model.transform(valid).select(model.hasParam("probabilityCol") ? "probability" : "rawPrediction", "prediction")
        .collectAsList();
    double[][] p = new double[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      if (model.hasParam("probabilityCol")) {
        p[r] = ((Vector) rows.get(r).get(0)).toArray();
      } else {
        p[r] = new double[classes];
        p[r][(int) rows.get(r).getDouble(1)] = 1.0; // one-vs-rest gives a decision, not probabilities
      }
    }
    return p;
  }

  private static double[][] encode(FeatureSpace space, List<PatientCase> cases) {
    return cases.stream().map(c -> space.encode(c.observed(), c.sex(), c.ageYears()).x()).toArray(double[][]::new);
  }

  private static int[] labels(List<PatientCase> cases, List<String> classes) {
    return cases.stream().mapToInt(c -> classes.indexOf(c.diagnoses().get(0))).toArray();
  }
}
