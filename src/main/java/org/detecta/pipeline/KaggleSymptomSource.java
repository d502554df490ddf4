package org.detecta.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.detecta.cases.CaseBatch;
import org.detecta.cases.Issue;
import org.detecta.cases.KaggleSymptomReader;
import org.detecta.cases.PatientCase;
import org.detecta.learn.FeatureSpace;

/**
 * The Kaggle symptom table: trains on {@code Training.csv}; checks that {@code dataset.csv} (long form)
 * uses the same symptom vocabulary after normalisation, and measures how much of {@code Testing.csv}
 * already occurs in {@code Training.csv} (all of it: that file is never used as a test set).
 */
public final class KaggleSymptomSource implements CommonSource {
  static final String DIR = "kaggle-disease-symptom/";

  @Override
  public String name() {
    return "kaggle-symptoms";
  }

  @Override
  public List<String> files() {
    return List.of(DIR + "Training.csv");
  }

  @Override
  public Prepared prepare(Path dataDir) throws IOException {
    KaggleSymptomReader reader = new KaggleSymptomReader();
    CaseBatch training = reader.read(dataDir.resolve(DIR + "Training.csv"));
    List<Issue> issues = new ArrayList<>(training.issues());
    Set<String> symptoms = new TreeSet<>();
    try (var lines = Files.lines(dataDir.resolve(DIR + "Training.csv"))) {
      String header = lines.findFirst().orElse("");
      for (String column : header.split(",")) {
        String name = org.detecta.cases.SymptomNames.normalise(column);
        if (!name.equals("prognosis") && !name.isEmpty()) {
          symptoms.add(name);
        }
      }
    }
    Map<String, Object> checks = new LinkedHashMap<>();
    Set<String> trainingRows = new HashSet<>();
    training.cases().forEach(c -> trainingRows.add(rowOf(c)));
    Path testing = dataDir.resolve(DIR + "Testing.csv");
    if (Files.isRegularFile(testing)) {
      List<PatientCase> test = reader.read(testing).cases();
      long inTraining = test.stream().filter(c -> trainingRows.contains(rowOf(c))).count();
      checks.put("Testing.csv", Map.of("rows", test.size(), "alsoInTraining", inTraining,
          "decision", inTraining > 0 ? "not used as a test set: its rows occur in Training.csv (leakage)" : "unused"));
    }
    Path longForm = dataDir.resolve(DIR + "dataset.csv");
    if (Files.isRegularFile(longForm)) {
      CaseBatch batch = reader.read(longForm);
      Set<String> used = new TreeSet<>();
      batch.cases().forEach(c -> used.addAll(c.observed()));
      used.removeAll(symptoms);
      long inTraining = batch.cases().stream().filter(c -> trainingRows.contains(rowOf(c))).count();
      checks.put("dataset.csv", Map.of("rows", batch.cases().size(), "symptomsNotInTrainingAfterNormalisation", used,
          "rowsIdenticalToATrainingRow", inTraining));
    }
    return new Prepared(training.cases(), FeatureSpace.symptoms(symptoms), issues, checks);
  }

  private static String rowOf(PatientCase c) {
    return new TreeSet<>(c.observed()) + "|" + c.diagnoses();
  }
}
