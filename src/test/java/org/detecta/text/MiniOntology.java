package org.detecta.text;

import org.detecta.kb.TermIndex;
import org.monarchinitiative.phenol.io.MinimalOntologyLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A 108-term excerpt of the HPO (seizures, fever, development, liver, hearing, pits...) with its Spanish labels, loaded once. */
final class MiniOntology {
  private static NoteExtractor extractor;
  private static TermIndex terms;

  private MiniOntology() {
  }

  static synchronized TermIndex terms() {
    if (terms == null) {
      try (InputStream in = MiniOntology.class.getResourceAsStream("mini-hp.json")) {
        terms = TermIndex.of(MinimalOntologyLoader.loadOntology(in, "HP"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return terms;
  }

  static synchronized NoteExtractor extractor() {
    if (extractor == null) {
      try (InputStream in = MiniOntology.class.getResourceAsStream("mini-hp-es.tsv")) {
        extractor = NoteExtractor.create(terms(), SpanishLabels.read(in, "mini-hp-es.tsv"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return extractor;
  }
}
