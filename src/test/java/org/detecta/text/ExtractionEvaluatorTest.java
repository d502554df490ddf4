package org.detecta.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExtractionEvaluatorTest {
  @Test
  void scoresMentionsByOverlapAndDocumentsByIdSets() {
    // gold: Fever twice, Seizure once; predicted: Fever once (overlapping the first), Vomiting (wrong), Seizure off-span
    String text = "fever fever seizure";
    AnnotatedDocument doc = new AnnotatedDocument("d", text, List.of(
        new AnnotatedDocument.Mention(0, 5, "fever", "HP:0001945"),
        new AnnotatedDocument.Mention(6, 11, "fever", "HP:0001945"),
        new AnnotatedDocument.Mention(12, 19, "seizure", "HP:0001250")));
    List<Finding> predicted = List.of(
        new Finding(0, 5, "fever", "HP:0001945", "Fever", FindingStatus.ABSENT),
        new Finding(6, 11, "fever", "HP:0002013", "Vomiting", FindingStatus.PRESENT),
        new Finding(0, 3, "fev", "HP:0001250", "Seizure", FindingStatus.FAMILY));
    ExtractionScores scores = new ExtractionEvaluator(MiniOntology.terms()).evaluate(List.of(doc), t -> predicted);
    assertEquals(1.0 / 3, scores.mention().precision(), 1e-9);
    assertEquals(1.0 / 3, scores.mention().recall(), 1e-9);
    assertEquals(2.0 / 3, scores.document().precision(), 1e-9);
    assertEquals(1.0, scores.document().recall(), 1e-9);
    assertEquals(1, scores.documents());
  }
}
