package org.detecta.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;
import org.detecta.learn.CommonModel;
import org.detecta.learn.FeatureSpace;

/** One common-disease data source as the training pipeline sees it (DDXPlus, Kaggle symptoms). */
public interface CommonSource {
  /** The model name, e.g. {@code ddxplus}. */
  String name();

  /** The files training reads, relative to the data directory (fingerprinted into the model's lineage). */
  List<String> files();

  /** Reads and checks the source: its cases, its feature space, reader issues and source-specific checks. */
  Prepared prepare(Path dataDir) throws IOException;

  /** Source-specific test metrics (e.g. DDXPlus agreement with the reference differential); none by default. */
  default Map<String, Double> extraTestMetrics(CommonModel model, List<PatientCase> test) {
    return Map.of();
  }

  /**
   * Per case, a target distribution over {@code classes} from the source's reference differential (DDXPlus:
   * {@code top5_diagnoses}, normalised; a case without one gets its diagnosis), or empty when the source has none.
   */
  default java.util.Optional<double[][]> referenceTargets(List<PatientCase> cases, List<String> classes) {
    return java.util.Optional.empty();
  }

  record Prepared(List<PatientCase> cases, FeatureSpace space, List<Issue> issues, Map<String, Object> checks) {
    public Prepared {
      cases = List.copyOf(cases);
      issues = List.copyOf(issues);
      checks = Map.copyOf(checks);
    }
  }
}
