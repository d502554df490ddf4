package org.detecta.text;

import org.detecta.SharedData;
import org.detecta.kb.TermIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression floors on real data, each a few points under the figure measured when it was written (see the
 * report in docs): they catch a broken matcher or rule file, they are not targets.
 */
class NoteExtractionIT {
  private static TermIndex terms;
  private static NoteExtractor extractor;

  @BeforeAll
  static void load() {
    terms = SharedData.knowledgeBase().terms();
    extractor = NoteExtractor.create(terms, SpanishLabels.fromDataDir(SharedData.dir()));
  }

  /** The extractor (language detected) scored on the status test set {@code name}, a resource next to this class. */
  private static StatusEvaluator.Scores statusScores(String name) throws IOException {
    return new StatusEvaluator().evaluate(notes(name), t -> extractor.extract(t, Language.AUTO).findings());
  }

  private static List<StatusNote> notes(String name) throws IOException {
    try (InputStream in = NoteExtractionIT.class.getResourceAsStream(name)) {
      return StatusNote.read(in, name);
    }
  }

  @Test
  void everyReviewedWordingIdIsACurrentTerm() {
    assertEquals(List.of(), extractor.skippedWording());
  }

  @Test
  void developmentCorpusBeatsTheBaselineAndStaysAboveItsFloor() throws IOException {
    List<AnnotatedDocument> corpus = GscCorpusReader.read(SharedData.path("text/GSCplus_dev_gold.tsv"));
    ExtractionEvaluator evaluator = new ExtractionEvaluator(terms);
    ExtractionScores full = evaluator.evaluate(corpus, t -> extractor.extract(t, Language.EN).findings());
    NoteExtractor plain = NoteExtractor.create(terms, SpanishLabels.empty(), MatchOptions.baseline());
    ExtractionScores baseline = evaluator.evaluate(corpus, t -> plain.extract(t, Language.EN).findings());
    assertEquals(22, full.documents());
    // measured 0.758 (baseline 0.593)
    assertTrue(full.document().f1() >= 0.73, "document F1 " + full.document().f1());
    assertTrue(full.document().f1() > baseline.document().f1() + 0.1,
        "full " + full.document().f1() + " vs baseline " + baseline.document().f1());
    assertTrue(full.mention().f1() >= 0.70, "mention F1 " + full.mention().f1());
  }

  @Test
  void spanishDevelopmentNotes() throws IOException {
    StatusEvaluator.Scores scores = statusScores("notas-es.tsv");
    assertEquals(62, scores.notes());
    // measured 0.99 after tuning the wording on this set (0.88 before), status accuracy 1.0
    assertTrue(scores.document().f1() >= 0.95, "document F1 " + scores.document().f1());
    assertTrue(scores.status().value() >= 0.95, "status accuracy " + scores.status().value());
    assertTrue(scores.byStatus().get(FindingStatus.ABSENT).value() >= 0.9);
    assertTrue(scores.byStatus().get(FindingStatus.FAMILY).value() >= 0.9);
  }

  @Test
  void spanishHeldOutNotes() throws IOException {
    StatusEvaluator.Scores scores = statusScores("notas-es-reserva.tsv");
    assertEquals(30, scores.notes());
    // measured 0.843 (never tuned on), status accuracy 1.0
    assertTrue(scores.document().f1() >= 0.80, "document F1 " + scores.document().f1());
    assertTrue(scores.status().value() >= 0.9, "status accuracy " + scores.status().value());
  }

  @Test
  void harderStatusConstructions() throws IOException {
    StatusEvaluator.Scores scores = statusScores("estados-dificiles.tsv");
    // measured 0.86 (31/36; absent 12/16, family 4/5) before session 2 tuned the rules on its errors; now 0.97
    assertTrue(scores.status().value() >= 0.95, "status accuracy " + scores.status().value());
  }

  @Test
  void harderStatusConstructionsHeldOut() throws IOException {
    StatusEvaluator.Scores scores = statusScores("estados-reserva.tsv");
    assertEquals(24, scores.notes());
    // written before the session-2 rule changes, never tuned on: 0.70 before them, 0.91 after (30/33)
    assertTrue(scores.status().value() >= 0.85, "status accuracy " + scores.status().value());
  }

  @Test
  void detectsTheLanguageOfEveryNote() throws IOException {
    for (StatusNote note : notes("notas-es.tsv")) {
      assertEquals(Language.ES, extractor.detect(note.text()), note.id());
    }
    for (AnnotatedDocument doc : GscCorpusReader.read(SharedData.path("text/GSCplus_dev_gold.tsv"))) {
      assertEquals(Language.EN, extractor.detect(doc.text()), doc.id());
    }
  }
}
