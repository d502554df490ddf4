package org.detecta.cli;

import org.detecta.SharedData;
import org.detecta.kb.KnowledgeBase;
import org.detecta.rank.FusionWeights;
import org.detecta.rank.RankParameters;
import org.detecta.rank.RareEngine;
import org.detecta.rank.RareTrainer;
import org.detecta.rank.ScoringModel;
import org.detecta.text.Language;
import org.detecta.text.NoteExtractor;
import org.detecta.text.SpanishLabels;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: English notes written for development phenopackets rank the right disease nearly as well as the
 * phenopackets' coded terms, with a model built in the test from the knowledge base alone (no case learnt).
 */
class NoteCasesIT {
  @Test
  void notesRankTheDiagnosisNearlyAsWellAsCodedTerms() throws Exception {
    KnowledgeBase kb = SharedData.knowledgeBase();
    Path packets = SharedData.path("phenopackets");
    RareEngine engine = new RareTrainer(kb, RankParameters.defaults(), java.util.Map.of())
        .engine(List.of(), new FusionWeights(1, 0, 0, 0, 1));
    NoteExtractor extractor = NoteExtractor.create(kb.terms(), SpanishLabels.fromDataDir(SharedData.dir()));
    Path notes = Path.of(NoteCasesIT.class.getResource("/org/detecta/text/notes-phenopackets-en.tsv").toURI());
    NoteCaseEvaluation.Comparison c = NoteCaseEvaluation.compare(notes, packets, extractor, Language.AUTO, engine);
    assertTrue(c.coded().size() >= 8, "at least 8 notes");
    System.err.println("coded ranks " + Arrays.toString(c.codedRanks()) + ", note ranks " + Arrays.toString(c.noteRanks()));
    for (int i = 0; i < c.coded().size(); i++) {
      assertEquals(c.coded().get(i).diagnoses(), c.fromNotes().get(i).diagnoses());
      assertTrue(c.fromNotes().get(i).observed().size() >= 3, c.fromNotes().get(i).id() + ": the note gives findings");
    }
    double codedMrr = (double) c.summary("coded").get("mrr");
    double noteMrr = (double) c.summary("note").get("mrr");
    double codedTop10 = (double) c.summary("coded").get("top10");
    double noteTop10 = (double) c.summary("note").get("top10");
    assertTrue(noteMrr >= 0.8 * codedMrr, "note MRR " + noteMrr + " vs coded " + codedMrr);
    assertTrue(noteTop10 >= codedTop10 - 1.0 / c.coded().size() - 1e-9, "note top10 " + noteTop10 + " vs coded " + codedTop10);
  }
}
