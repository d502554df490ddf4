package org.detecta.combined;

import org.detecta.learn.FeatureSpace;
import org.detecta.SmallKb;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each engine sees the findings in its own vocabulary; a model's own finding reaches it exactly as given. */
class FindingTranslatorTest {
  // Seizure (HP:0001250) is below Abnormality of the nervous system (HP:0000707) in the small ontology.
  private final FindingTranslator translator = new FindingTranslator(SmallKb.knowledgeBase().terms(), new FindingMap(List.of(
      new FindingMap.Row("ddxplus", "E_1", "HP:0001250", "exact"),
      new FindingMap.Row("ddxplus", "E_3", "HP:0000707", "exact"),
      new FindingMap.Row("kaggle", "fits", "HP:0001250", "exact"),
      new FindingMap.Row("kaggle", "nerves", "HP:0000707", "exact"))),
      FeatureSpace.symptoms(List.of("fits", "nerves", "cough")),
      new FeatureSpace(List.of("E_1", "E_2", "E_3"), Map.of(), false));

  @Test
  void aDdxplusEvidenceReachesItsModelAsGivenAndTheOthersThroughHpo() {
    FindingTranslator.Translated t = translator.translate(List.of("E_1"), List.of());
    assertEquals(List.of("E_1"), t.ddxplus(), "not E_3, which E_1's term's ancestor stands for");
    assertEquals(List.of("HP:0001250"), t.hpoObserved());
    assertEquals(java.util.Set.of("fits", "nerves"), java.util.Set.copyOf(t.kaggle()), "the other model gets the term and what it implies");
  }

  @Test
  void aKaggleSymptomReachesItsModelAsGiven() {
    FindingTranslator.Translated t = translator.translate(List.of("fits"), List.of());
    assertEquals(List.of("fits"), t.kaggle());
    assertEquals(java.util.Set.of("E_1", "E_3"), java.util.Set.copyOf(t.ddxplus()));
  }

  @Test
  void anHpoTermReachesEveryModelWithWhatItImplies() {
    FindingTranslator.Translated t = translator.translate(List.of("HP:0001250"), List.of());
    assertEquals(java.util.Set.of("fits", "nerves"), java.util.Set.copyOf(t.kaggle()));
    assertEquals(java.util.Set.of("E_1", "E_3"), java.util.Set.copyOf(t.ddxplus()));
  }
}
