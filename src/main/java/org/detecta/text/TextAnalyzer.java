package org.detecta.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into {@link Token}s with Lucene: standard tokenizer, lower case, ASCII folding (so "hipotonía"
 * and "hipotonia" meet) and, when asked, a stemmer per language (Spanish light stemmer, Porter for English),
 * so plurals and inflections meet the ontology's singular labels. Thread-safe (Lucene reuses per thread).
 */
final class TextAnalyzer {
  private static final Set<String> STOP_EN = Set.of("a", "an", "the", "of", "in", "on", "with", "to", "at", "by",
      "for", "from", "as", "its", "their", "his", "her", "into", "onto", "than");
  private static final Set<String> STOP_ES = Set.of("de", "del", "la", "el", "los", "las", "en", "con", "a",
      "al", "un", "una", "unos", "unas", "por", "lo", "su", "sus", "que");

  private static final java.util.regex.Pattern INFLAMMATION = java.util.regex.Pattern.compile(".*itis");

  private final Language language;
  private final boolean stem;
  private final Analyzer analyzer;
  private final Set<String> stopWords;
  private final java.util.Map<String, String> canonical;

  TextAnalyzer(Language language, boolean stem) {
    this(language, stem, List.of());
  }

  /**
   * With {@code clusters}: each group of morphologically or clinically equivalent words (first = canonical;
   * e.g. "kidney renal", "nevus nevi naevus naevi") gets one key, in the spirit of FastHPOCR's token clusters.
   */
  TextAnalyzer(Language language, boolean stem, List<List<String>> clusters) {
    if (language == Language.AUTO) {
      throw new IllegalArgumentException("An analyzer needs a concrete language");
    }
    this.language = language;
    this.stem = stem;
    this.stopWords = language == Language.ES ? STOP_ES : STOP_EN;
    this.analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
        if (stem) {
          // inflammation words keep their ending: Porter would make "gingivitis" and "gingival" one stem
          stream = new PatternKeywordMarkerFilter(stream, INFLAMMATION);
          stream = language == Language.ES ? new SpanishLightStemFilter(stream) : new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
    java.util.Map<String, String> map = new java.util.HashMap<>();
    for (List<String> cluster : clusters) {
      String head = null;
      for (String word : cluster) {
        for (Token token : tokens(word)) {
          if (head == null) {
            head = token.key();
          } else if (!token.key().equals(head)) {
            map.putIfAbsent(token.key(), head);
          }
        }
      }
    }
    this.canonical = map;
  }

  Language language() {
    return language;
  }

  boolean stems() {
    return stem;
  }

  boolean isStopWord(String folded) {
    return stopWords.contains(folded);
  }

  List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 6));
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      int previousEnd = 0;
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        String folded = fold(text, start, end);
        boolean sentence = tokens.isEmpty() || hasAny(text, previousEnd, start, ".;!?\n\r");
        boolean clause = sentence || hasAny(text, previousEnd, start, ",:()[]{}\"/");
        String key = term.toString();
        if (canonical != null) {
          key = canonical.getOrDefault(key, key);
        }
        // stop words are checked before accent folding: "uñas" (nails) must not become the article "unas"
        boolean stop = stopWords.contains(text.substring(start, end).toLowerCase(Locale.ROOT));
        tokens.add(new Token(start, end, key, folded, stop, clause, sentence));
        previousEnd = end;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** Lower-cased, accent-folded surface form of {@code text[start, end)}. */
  static String fold(String text, int start, int end) {
    char[] input = text.substring(start, end).toLowerCase(Locale.ROOT).toCharArray();
    char[] output = new char[input.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
    return new String(output, 0, length);
  }

  private static boolean hasAny(String text, int from, int to, String chars) {
    for (int i = from; i < to; i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
