package org.detecta.text;

/**
 * One word of a note: its span in the original text, its matching key (lower-cased, accent-folded and
 * stemmed when the analyzer stems), its folded surface form (for trigger words), whether it is a stop word,
 * and whether punctuation separates it from the previous word: a clause break (comma, colon, bracket...)
 * ends a term match, a sentence break (full stop, semicolon, line break...) also ends a negation scope.
 */
record Token(int start, int end, String key, String folded, boolean stop, boolean clauseBreak, boolean sentenceBreak) {
}
