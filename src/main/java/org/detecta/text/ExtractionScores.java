package org.detecta.text;

/** Extraction quality on a corpus: mention level (id + overlapping span) and document level (id sets, micro-averaged). */
public record ExtractionScores(int documents, Prf mention, Prf document, double seconds) {
}
