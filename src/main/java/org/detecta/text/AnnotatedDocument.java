package org.detecta.text;

import java.util.List;
import java.util.Objects;

/** A document of an annotated corpus: id, text and its gold mentions. */
public record AnnotatedDocument(String id, String text, List<Mention> mentions) {
  /** A gold mention: {@code [start, end)} into the text, the mention as written, and its HPO id (possibly an alt id). */
  public record Mention(int start, int end, String text, String hpoId) {
  }

  public AnnotatedDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    mentions = List.copyOf(mentions);
  }
}
