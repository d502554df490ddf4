package org.detecta.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a corpus in the GSC+ format: blocks separated by blank lines, each a document id line, one line of
 * text, then {@code start<TAB>end<TAB>mention<TAB>HPO id} per annotation (CRLF tolerated). Every problem names
 * the file and line.
 */
public final class GscCorpusReader {
  private GscCorpusReader() {
  }

  public static List<AnnotatedDocument> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  public static List<AnnotatedDocument> read(InputStream in, String source) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<AnnotatedDocument> documents = new ArrayList<>();
    List<String> block = new ArrayList<>();
    int number = 0;
    int blockStart = 1;
    String line;
    while ((line = reader.readLine()) != null) {
      number++;
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          documents.add(document(block, source, blockStart));
          block.clear();
        }
        blockStart = number + 1;
      } else {
        block.add(line);
      }
    }
    if (!block.isEmpty()) {
      documents.add(document(block, source, blockStart));
    }
    if (documents.isEmpty()) {
      throw new IllegalArgumentException(source + ": no documents (expected GSC+ blocks: id line, text line, annotations)");
    }
    return documents;
  }

  private static AnnotatedDocument document(List<String> block, String source, int firstLine) {
    if (block.size() < 2) {
      throw new IllegalArgumentException(source + ":" + firstLine + ": a document needs an id line and a text line");
    }
    String id = block.get(0).trim();
    String text = block.get(1);
    List<AnnotatedDocument.Mention> mentions = new ArrayList<>();
    for (int k = 2; k < block.size(); k++) {
      int lineNumber = firstLine + k;
      String[] cols = block.get(k).split("\t", -1);
      String where = source + ":" + lineNumber + ": ";
      if (cols.length < 4) {
        throw new IllegalArgumentException(where + "expected start<TAB>end<TAB>mention<TAB>HPO id, got '" + block.get(k) + "'");
      }
      int start;
      int end;
      try {
        start = Integer.parseInt(cols[0].trim());
        end = Integer.parseInt(cols[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + "offsets must be integers, got '" + cols[0] + "' and '" + cols[1] + "'");
      }
      if (start < 0 || end <= start || end > text.length()) {
        throw new IllegalArgumentException(where + "span [" + start + ", " + end + ") is outside the text of document "
            + id + " (" + text.length() + " characters)");
      }
      mentions.add(new AnnotatedDocument.Mention(start, end, cols[2], cols[3].trim()));
    }
    return new AnnotatedDocument(id, text, mentions);
  }
}
