package org.detecta.diagnosis;

import org.detecta.cases.PatientCase;
import org.detecta.cases.Sex;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What is known about a patient when asking for a differential: present and absent findings, sex, age. */
public record Query(List<String> observed, List<String> excluded, Sex sex, Optional<Double> ageYears) {
  public Query {
    observed = List.copyOf(observed);
    excluded = List.copyOf(excluded);
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(ageYears, "ageYears");
  }

  public static Query of(List<String> observed, List<String> excluded) {
    return new Query(observed, excluded, Sex.UNKNOWN, Optional.empty());
  }

  public static Query of(PatientCase patient) {
    return new Query(patient.observed(), patient.excluded(), patient.sex(), patient.ageYears());
  }
}
