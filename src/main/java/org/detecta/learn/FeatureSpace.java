package org.detecta.learn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.Sex;

/**
 * How findings become a numeric vector. Every finding token is a 0/1 feature; DDXPlus numeric-scale
 * answers ({@code E_56_@_7}) become one feature {@code E_56} holding value/max; with demographics,
 * {@code age} (years/100) and {@code sex_male}. Tokens the space does not know are reported, not guessed.
 * A DDXPlus space also carries the {@link ConditionProfiles} of the release (which evidences each pathology can
 * show), applied to the classifier's probabilities by {@link #restrict}.
 */
public final class FeatureSpace {
  private final List<String> tokens;
  private final Map<String, Double> scales;
  private final boolean demographics;
  private final ConditionProfiles profiles;
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  public FeatureSpace(List<String> tokens, Map<String, Double> scales, boolean demographics) {
    this(tokens, scales, demographics, ConditionProfiles.NONE);
  }

  public FeatureSpace(List<String> tokens, Map<String, Double> scales, boolean demographics, ConditionProfiles profiles) {
    this.tokens = List.copyOf(tokens);
    this.scales = Map.copyOf(scales);
    this.demographics = demographics;
    this.profiles = profiles;
    List<String> all = new ArrayList<>(tokens);
    scales.keySet().stream().sorted().forEach(all::add);
    if (demographics) {
      all.add("age");
      all.add("sex_male");
    }
    this.names = List.copyOf(all);
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
  }

  public List<String> tokens() {
    return tokens;
  }

  public Map<String, Double> scales() {
    return scales;
  }

  public boolean demographics() {
    return demographics;
  }

  public ConditionProfiles profiles() {
    return profiles;
  }

  /** A vector and the findings that could not be placed in it. */
  public record Encoding(double[] x, List<String> unrecognised) {
  }

  /** Every binary evidence, every categorical / multi-choice value, every numeric scale, age and sex; the pathologies' profiles. */
  public static FeatureSpace ddxplus(DdxplusCatalog catalog) {
    List<String> tokens = new ArrayList<>();
    Map<String, Double> scales = new LinkedHashMap<>();
    for (DdxplusCatalog.Evidence evidence : catalog.evidences().values()) {
      if (evidence.type() == 'B') {
        tokens.add(evidence.id());
      } else if (evidence.numeric()) {
        scales.put(evidence.id(), evidence.maxValue());
      } else {
        evidence.values().forEach(v -> tokens.add(evidence.id() + "_@_" + v));
      }
    }
    Map<String, java.util.Set<String>> profiles = new LinkedHashMap<>();
    catalog.conditions().values().forEach(c -> profiles.put(c.name(), c.evidences()));
    return new FeatureSpace(tokens, scales, true, new ConditionProfiles(profiles));
  }

  /** One 0/1 feature per (normalised) symptom name, sorted. */
  public static FeatureSpace symptoms(Collection<String> names) {
    return new FeatureSpace(List.copyOf(new TreeSet<>(names)), Map.of(), false);
  }

  public List<String> featureNames() {
    return names;
  }

  public int size() {
    return tokens.size() + scales.size() + (demographics ? 2 : 0);
  }

  /** True when the token has a place in the vector (a known token, or a parsable value of a numeric scale). */
  public boolean knows(String finding) {
    if (index.containsKey(finding) && !scales.containsKey(finding) && !isDemographic(finding)) {
      return true;
    }
    Double max = scales.get(DdxplusCatalog.evidenceOf(finding));
    if (max == null || finding.equals(DdxplusCatalog.evidenceOf(finding))) {
      return false;
    }
    try {
      double value = Double.parseDouble(DdxplusCatalog.valueOf(finding));
      return value >= 0 && value <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Every finding token a user may send: binary and categorical tokens, and each integer value of a numeric scale. */
  public List<String> inputTokens() {
    List<String> out = new ArrayList<>(tokens);
    scales.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      for (int v = 0; v <= (int) Math.round(e.getValue()); v++) {
        out.add(e.getKey() + "_@_" + v);
      }
    });
    return out;
  }

  private boolean isDemographic(String name) {
    return demographics && (name.equals("age") || name.equals("sex_male"));
  }

  public Encoding encode(Collection<String> findings, Sex sex, Optional<Double> ageYears) {
    double[] x = new double[size()];
    List<String> unknown = new ArrayList<>();
    for (String finding : findings) {
      Integer i = index.get(finding);
      if (i != null) {
        x[i] = 1.0;
        continue;
      }
      String evidence = DdxplusCatalog.evidenceOf(finding);
      Double max = scales.get(evidence);
      Integer j = index.get(evidence);
      if (max != null && j != null) {
        try {
          x[j] = Double.parseDouble(DdxplusCatalog.valueOf(finding)) / max;
          continue;
        } catch (NumberFormatException e) {
          // falls through: reported as unrecognised
        }
      }
      unknown.add(finding);
    }
    if (demographics) {
      x[size() - 2] = ageYears.map(a -> a / 100.0).orElse(0.0);
      x[size() - 1] = sex == Sex.MALE ? 1.0 : 0.0;
    }
    return new Encoding(x, unknown);
  }

  /** The evidence ids an encoded row shows: every non-zero token or scale feature (demographics excluded). */
  public java.util.Set<String> shownEvidence(double[] x) {
    java.util.Set<String> shown = new TreeSet<>();
    for (int i = 0; i < tokens.size() + scales.size(); i++) {
      if (x[i] != 0) {
        shown.add(DdxplusCatalog.evidenceOf(names.get(i)));
      }
    }
    return shown;
  }

  /** Each row's probabilities restricted by the profiles to the classes that can show its evidences. */
  public double[][] restrict(double[][] x, double[][] p, List<String> classes) {
    if (profiles.isEmpty()) {
      return p;
    }
    double[][] out = new double[p.length][];
    for (int r = 0; r < p.length; r++) {
      out[r] = profiles.restrict(shownEvidence(x[r]), classes, p[r]);
    }
    return out;
  }
}
