package org.detecta.lake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.PatientCase;
import org.detecta.cases.Sex;

/**
 * DDXPlus-like synthetic patients. Per condition, how often each evidence token occurs is estimated from the
 * real patients (add-half smoothing; evidences the release lists for a condition but no patient showed get a
 * small prior); a synthetic patient draws a condition by its observed share, borrows age and sex from a
 * random real patient of that condition (age jittered), and then draws each token independently, keeping one
 * value per categorical evidence. Output rows are DDXPlus patient CSV with a {@code patient_id}.
 */
public final class DdxplusSynthesizer {
  /** Prior frequency of an evidence that the release lists for a condition but no real patient showed. */
  static final double LISTED_PRIOR = 0.05;

  private final List<String> conditions;
  private final double[] conditionCumulative;
  private final List<double[]> tokenFrequencies;
  private final List<String> tokens;
  private final List<List<PatientCase>> examples;
  private final DdxplusCatalog catalog;

  private DdxplusSynthesizer(List<String> conditions, double[] conditionCumulative, List<double[]> tokenFrequencies,
                             List<String> tokens, List<List<PatientCase>> examples, DdxplusCatalog catalog) {
    this.conditions = conditions;
    this.conditionCumulative = conditionCumulative;
    this.tokenFrequencies = tokenFrequencies;
    this.tokens = tokens;
    this.examples = examples;
    this.catalog = catalog;
  }

  /** Estimates the generator from real patients and the release catalog. */
  public static DdxplusSynthesizer fit(List<DdxplusPatient> real, DdxplusCatalog catalog, Map<String, Set<String>> listed) {
    Map<String, List<PatientCase>> byCondition = new LinkedHashMap<>();
    real.forEach(p -> byCondition.computeIfAbsent(p.diagnosis(), k -> new ArrayList<>()).add(p.patient()));
    if (byCondition.isEmpty()) {
      throw new IllegalArgumentException("no real DDXPlus patients to estimate evidence frequencies from");
    }
    LinkedHashSet<String> vocabulary = new LinkedHashSet<>();
    real.forEach(p -> vocabulary.addAll(p.patient().observed()));
    List<String> tokens = List.copyOf(vocabulary);
    Map<String, Integer> tokenIndex = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      tokenIndex.put(tokens.get(i), i);
    }
    List<String> conditions = List.copyOf(byCondition.keySet());
    double[] cumulative = new double[conditions.size()];
    List<double[]> frequencies = new ArrayList<>();
    List<List<PatientCase>> examples = new ArrayList<>();
    double total = 0;
    for (int c = 0; c < conditions.size(); c++) {
      List<PatientCase> patients = byCondition.get(conditions.get(c));
      total += patients.size();
      cumulative[c] = total;
      double[] counts = new double[tokens.size()];
      patients.forEach(p -> p.observed().forEach(t -> counts[tokenIndex.get(t)]++));
      Set<String> listedHere = listed.getOrDefault(conditions.get(c), Set.of());
      for (int t = 0; t < counts.length; t++) {
        double prior = counts[t] == 0 && listedHere.contains(DdxplusCatalog.evidenceOf(tokens.get(t))) ? LISTED_PRIOR : 0.0;
        counts[t] = counts[t] > 0 ? (counts[t] + 0.5) / (patients.size() + 1.0) : prior;
      }
      frequencies.add(counts);
      examples.add(patients);
    }
    for (int c = 0; c < cumulative.length; c++) {
      cumulative[c] /= total;
    }
    return new DdxplusSynthesizer(conditions, cumulative, frequencies, tokens, examples, catalog);
  }

  /** The CSV header this synthesizer writes. */
  public static String header() {
    return "patient_id,age,top5_diagnoses,sex,diagnosis,features,feature_id";
  }

  /** Writes one synthetic patient as a CSV line. */
  public void writeOne(String id, SplittableRandom random, BufferedWriter out) throws IOException {
    double u = random.nextDouble();
    int c = 0;
    while (c < conditionCumulative.length - 1 && conditionCumulative[c] < u) {
      c++;
    }
    List<PatientCase> pool = examples.get(c);
    PatientCase template = pool.get(random.nextInt(pool.size()));
    double age = Math.max(0, Math.min(110, template.ageYears().orElse(40.0) + random.nextInt(7) - 3));
    double[] freq = tokenFrequencies.get(c);
    List<String> drawn = new ArrayList<>();
    Set<String> categoricalTaken = new java.util.HashSet<>();
    for (int t = 0; t < freq.length; t++) {
      if (freq[t] > 0 && random.nextDouble() < freq[t]) {
        String token = tokens.get(t);
        String evidence = DdxplusCatalog.evidenceOf(token);
        DdxplusCatalog.Evidence meta = catalog.evidences().get(evidence);
        if (meta != null && meta.type() == 'C' && !categoricalTaken.add(evidence)) {
          continue;
        }
        drawn.add(token);
      }
    }
    if (drawn.isEmpty()) {
      drawn.addAll(template.observed());
    }
    StringBuilder line = new StringBuilder(256);
    line.append(id).append(',').append(String.format(Locale.ROOT, "%.0f", age)).append(",[],")
        .append(template.sex() == Sex.MALE ? "M" : "F").append(',');
    String condition = conditions.get(c);
    line.append(condition.indexOf(',') >= 0 ? '"' + condition + '"' : condition).append(",\"[");
    for (int i = 0; i < drawn.size(); i++) {
      line.append(i == 0 ? "'" : ", '").append(drawn.get(i)).append('\'');
    }
    line.append("]\",").append(drawn.get(random.nextInt(drawn.size()))).append('\n');
    out.write(line.toString());
  }
}
