package org.detecta.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;
import org.detecta.learn.CommonModel;
import org.detecta.learn.FeatureSpace;

/** DDXPlus: {@code ddxplus/patients.csv} encoded with the release's evidence catalogue. */
public final class DdxplusSource implements CommonSource {
  private final Map<String, DdxplusPatient> byId = new HashMap<>();

  @Override
  public String name() {
    return "ddxplus";
  }

  @Override
  public List<String> files() {
    return List.of("ddxplus/patients.csv", "ddxplus/" + DdxplusCatalog.EVIDENCES_FILE, "ddxplus/" + DdxplusCatalog.CONDITIONS_FILE);
  }

  @Override
  public Prepared prepare(Path dataDir) throws IOException {
    DdxplusCatalog catalog = DdxplusCatalog.load(dataDir.resolve("ddxplus"));
    DdxplusReader.Batch batch = new DdxplusReader().readPatients(dataDir.resolve("ddxplus/patients.csv"));
    List<Issue> issues = new java.util.ArrayList<>(batch.issues());
    Map<String, Integer> unknownConditions = new TreeMap<>();
    for (DdxplusPatient p : batch.patients()) {
      byId.put(p.patient().id(), p);
      for (String token : p.patient().observed()) {
        String problem = catalog.problemWith(token);
        if (problem != null) {
          issues.add(Issue.error(p.patient().source(), problem + " (token " + token + ")"));
        }
      }
      if (!catalog.conditions().containsKey(p.diagnosis())) {
        unknownConditions.merge(p.diagnosis(), 1, Integer::sum);
      }
    }
    Map<String, Object> checks = new LinkedHashMap<>();
    checks.put("diagnosesNotInReleaseConditions", unknownConditions);
    return new Prepared(batch.patients().stream().map(DdxplusPatient::patient).toList(), FeatureSpace.ddxplus(catalog),
        issues, checks);
  }

  @Override
  public java.util.Optional<double[][]> referenceTargets(List<PatientCase> cases, List<String> classes) {
    double[][] targets = new double[cases.size()][classes.size()];
    for (int i = 0; i < cases.size(); i++) {
      DdxplusPatient p = byId.get(cases.get(i).id());
      double sum = 0;
      for (DdxplusPatient.RankedDiagnosis d : p == null ? List.<DdxplusPatient.RankedDiagnosis>of() : p.referenceDifferential()) {
        int c = classes.indexOf(d.name());
        if (c >= 0 && d.probability() > 0) {
          targets[i][c] += d.probability();
          sum += d.probability();
        }
      }
      if (sum > 0) {
        for (int c = 0; c < classes.size(); c++) {
          targets[i][c] /= sum;
        }
      } else {
        targets[i][classes.indexOf(cases.get(i).diagnoses().get(0))] = 1.0;
      }
    }
    return java.util.Optional.of(targets);
  }

  /** Precision/recall/F1 of the predicted top 5 against the first 5 names of the dataset's reference differential. */
  @Override
  public Map<String, Double> extraTestMetrics(CommonModel model, List<PatientCase> test) {
    List<DdxplusPatient> patients = test.stream().map(c -> byId.get(c.id())).filter(java.util.Objects::nonNull).toList();
    return ReferenceDifferential.metrics(model, patients);
  }
}
