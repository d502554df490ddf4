package org.detecta.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GscCorpusReaderTest {
  private static List<AnnotatedDocument> read(String text) throws IOException {
    return GscCorpusReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "corpus.tsv");
  }

  @Test
  void readsBlocksWithCrlfAndDocumentsWithoutAnnotations() throws IOException {
    List<AnnotatedDocument> docs = read("1\r\nFever and seizures.\r\n0\t5\tFever\tHP:0001945\r\n\r\n2\r\nNothing.\r\n");
    assertEquals(2, docs.size());
    assertEquals("Fever and seizures.", docs.get(0).text());
    assertEquals(new AnnotatedDocument.Mention(0, 5, "Fever", "HP:0001945"), docs.get(0).mentions().get(0));
    assertEquals(List.of(), docs.get(1).mentions());
  }

  @Test
  void spanOutsideTheTextNamesFileLineAndDocument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("7\nShort.\n0\t50\tShort\tHP:0004322\n"));
    assertEquals("corpus.tsv:3: span [0, 50) is outside the text of document 7 (6 characters)", e.getMessage());
  }
}
