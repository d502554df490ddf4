package org.detecta.interview;

import java.util.Objects;

/** One possible answer to a question: its id (e.g. {@code V_29}, {@code yes}, {@code 7}) and its texts. */
public record Option(String id, String textEn, String textEs) {
  public Option {
    Objects.requireNonNull(id, "id");
    textEn = textEn == null || textEn.isBlank() ? id : textEn;
    textEs = textEs == null || textEs.isBlank() ? textEn : textEs;
  }

  public String text(String lang) {
    return "en".equals(lang) ? textEn : textEs;
  }
}
