package org.detecta.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.MatchKind;
import org.detecta.diagnosis.Query;

/**
 * A loaded common-disease model: encode → (project) → classify → temperature. Each candidate's evidence
 * gives, per recognised finding, how much the model's log-probability of that candidate drops when the
 * finding is left out (occlusion), which works for every family. Candidate ids are the source's disease
 * names (DDXPlus English pathology names, Kaggle prognosis strings).
 */
public final class CommonModel implements DiagnosticModel {
  private static final int EXPLAINED = 10;
  private final String name;
  private final FeatureSpace features;
  private final java.util.Optional<AffineProjection> projection;
  private final ProbabilisticClassifier classifier;
  private final double temperature;
  private final List<String> classes;
  private final java.util.Optional<Reference> reference;

  /**
   * A model of a reference differential (DDXPlus: the dataset's differential per patient, fitted as soft labels by
   * {@link SoftLabelRegression}) mixed in at {@code weight} after calibration and the condition profiles, so the
   * differential's tail follows it while the top diagnosis stays the classifier's.
   */
  public record Reference(DenseNetwork network, double weight) {
    public Reference {
      if (!(weight > 0 && weight < 1)) {
        throw new IllegalArgumentException("reference weight must be in (0, 1), was " + weight);
      }
    }
  }

  public CommonModel(String name, FeatureSpace features, java.util.Optional<AffineProjection> projection,
                     ProbabilisticClassifier classifier, double temperature, List<String> classes) {
    this(name, features, projection, classifier, temperature, classes, java.util.Optional.empty());
  }

  public CommonModel(String name, FeatureSpace features, java.util.Optional<AffineProjection> projection,
                     ProbabilisticClassifier classifier, double temperature, List<String> classes,
                     java.util.Optional<Reference> reference) {
    this.name = name;
    this.features = features;
    this.projection = projection;
    this.classifier = classifier;
    this.temperature = temperature;
    this.classes = List.copyOf(classes);
    this.reference = reference;
  }

  public static CommonModel load(byte[] bytes) throws java.io.IOException {
    if (DenseNetworkArtifact.recognises(bytes)) {
      return DenseNetworkArtifact.load(bytes);
    }
    CommonModelArtifact a = CommonModelArtifact.fromBytes(bytes);
    return new CommonModel(a.name(), a.features(), a.projection(), a.scoring(), a.temperature(), a.classes(), a.reference());
  }

  @Override
  public String name() {
    return name;
  }

  public FeatureSpace features() {
    return features;
  }

  public List<String> classes() {
    return classes;
  }

  /**
   * Calibrated probabilities for already-encoded rows, restricted by the feature space's condition profiles, then
   * mixed with the reference model when there is one.
   */
  public double[][] probabilities(double[][] x) {
    double[][] input = projection.map(p -> p.apply(x)).orElse(x);
    double[][] p = features.restrict(x, TemperatureScaling.apply(classifier.probabilities(input), temperature), classes);
    if (reference.isEmpty()) {
      return p;
    }
    double w = reference.get().weight();
    double[][] soft = reference.get().network().probabilities(x);
    for (int r = 0; r < p.length; r++) {
      for (int c = 0; c < p[r].length; c++) {
        p[r][c] = (1 - w) * p[r][c] + w * soft[r][c];
      }
    }
    return p;
  }

  public java.util.Optional<Reference> reference() {
    return reference;
  }

  @Override
  public Differential diagnose(Query query, int top) {
    FeatureSpace.Encoding encoding = features.encode(query.observed(), query.sex(), query.ageYears());
    List<String> used = query.observed().stream().filter(f -> !encoding.unrecognised().contains(f)).distinct().toList();
    double[][] rows = new double[used.size() + 1][];
    rows[0] = encoding.x();
    for (int i = 0; i < used.size(); i++) {
      List<String> without = new ArrayList<>(used);
      without.remove(i);
      rows[i + 1] = features.encode(without, query.sex(), query.ageYears()).x();
    }
    double[][] p = probabilities(rows);
    List<Integer> order = order(p[0], top);
    List<Candidate> candidates = new ArrayList<>();
    for (int rank = 0; rank < order.size(); rank++) {
      int c = order.get(rank);
      List<Evidence> evidence = new ArrayList<>();
      if (rank < EXPLAINED) {
        for (int i = 0; i < used.size(); i++) {
          double contribution = Math.log(Math.max(p[0][c], 1e-12)) - Math.log(Math.max(p[i + 1][c], 1e-12));
          evidence.add(new Evidence(used.get(i), used.get(i), MatchKind.LEARNED, contribution));
        }
        evidence.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.contribution())));
      }
      candidates.add(new Candidate(classes.get(c), classes.get(c), Math.min(1.0, Math.max(0.0, p[0][c])),
          DiseaseKind.COMMON, evidence));
    }
    return new Differential(candidates, encoding.unrecognised());
  }

  @Override
  public Differential rank(Query query, int top) {
    FeatureSpace.Encoding encoding = features.encode(query.observed(), query.sex(), query.ageYears());
    double[] p = probabilities(new double[][] {encoding.x()})[0];
    List<Candidate> candidates = new ArrayList<>();
    for (int c : order(p, top)) {
      candidates.add(new Candidate(classes.get(c), classes.get(c), Math.min(1.0, Math.max(0.0, p[c])),
          DiseaseKind.COMMON, List.of()));
    }
    return new Differential(candidates, encoding.unrecognised());
  }

  /** Class indices by falling probability, ties by index; at most {@code top} (all when top <= 0). */
  private List<Integer> order(double[] p, int top) {
    int limit = top <= 0 ? classes.size() : Math.min(top, classes.size());
    return IntStream.range(0, classes.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -p[c]).thenComparing(c -> c)).limit(limit).toList();
  }

  @Override
  public boolean knowsDisease(String diseaseId) {
    return classes.contains(diseaseId);
  }
}
