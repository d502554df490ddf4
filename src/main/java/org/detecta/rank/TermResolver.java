package org.detecta.rank;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.detecta.cases.PatientCase;
import org.detecta.kb.TermIndex;

/** Resolves finding ids (alternative ids followed) to sorted, distinct term indices; collects the rest. */
public final class TermResolver {
  private final TermIndex terms;

  public TermResolver(TermIndex terms) {
    this.terms = terms;
  }

  public int[] resolve(List<String> ids, List<String> unknown) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String id : ids) {
      var resolution = terms.resolve(id);
      if (resolution.usable()) {
        out.add(terms.indexOf(resolution.term().orElseThrow()).orElseThrow());
      } else {
        unknown.add(id);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  public ResolvedCase resolve(PatientCase patient) {
    List<String> unknown = new ArrayList<>();
    int[] observed = resolve(patient.observed(), unknown);
    int[] excluded = resolve(patient.excluded(), unknown);
    return new ResolvedCase(patient.id(), patient.groupKey(), observed, excluded, patient.diagnoses(), unknown);
  }
}
