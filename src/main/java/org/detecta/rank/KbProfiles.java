package org.detecta.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.detecta.kb.DiseaseProfile;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.PhenotypeAnnotation;
import org.detecta.kb.TermIndex;

/**
 * The knowledge base's diseases as propagated term → frequency maps (a disease annotated to a term
 * implicitly has all its ancestors, with the highest frequency below them), their direct features and
 * their NOT annotations. Computed once per KB and parameters; shared by every model built on it.
 */
public final class KbProfiles {
  final List<String> ids = new ArrayList<>();
  final List<String> names = new ArrayList<>();
  final List<Map<Integer, Float>> present = new ArrayList<>();
  final List<Map<Integer, Float>> not = new ArrayList<>();
  final List<int[]> direct = new ArrayList<>();

  public KbProfiles(KnowledgeBase kb, RankParameters parameters) {
    TermIndex terms = kb.terms();
    for (DiseaseProfile disease : kb.diseases()) {
      Map<Integer, Float> map = new HashMap<>();
      Map<Integer, Float> nots = new HashMap<>();
      TreeSet<Integer> own = new TreeSet<>();
      for (PhenotypeAnnotation a : disease.annotations()) {
        var index = terms.indexOf(a.term());
        if (index.isEmpty()) {
          continue;
        }
        int t = index.get();
        if (a.excluded()) {
          nots.put(t, 1f);
          continue;
        }
        own.add(t);
        float f = (float) (a.frequencyKnown() ? a.frequency() : parameters.unknownFrequency());
        f = Math.max(f, RankParameters.MIN_FREQUENCY);
        for (int c : terms.ancestors(t)) {
          map.merge(c, f, Math::max);
        }
      }
      ids.add(disease.id());
      names.add(disease.name());
      present.add(map);
      not.add(nots);
      direct.add(own.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  public int size() {
    return ids.size();
  }

  public int indexOf(String id) {
    return ids.indexOf(id);
  }
}
