package org.detecta.interview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding to ask about (never one value): its id, kind, the question it depends on (asked only after
 * that parent was answered yes), its texts in English and Spanish, its options and the value meaning
 * "absent" (the DDXPlus default value; {@code no} for binary questions).
 */
public record Question(String id, QuestionKind kind, Optional<String> parent, String textEn, String textEs,
                       List<Option> options, String absentValue) {
  public static final String YES = "yes";
  public static final String NO = "no";
  public static final String UNKNOWN = "unknown";
  public static final List<Option> YES_NO = List.of(new Option(YES, "Yes", "Sí"), new Option(NO, "No", "No"));

  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(parent, "parent");
    options = List.copyOf(options);
    textEs = textEs == null || textEs.isBlank() ? textEn : textEs;
  }

  public String text(String lang) {
    return "en".equals(lang) ? textEn : textEs;
  }

  public boolean hasOption(String value) {
    return options.stream().anyMatch(o -> o.id().equals(value));
  }

  public int optionIndex(String value) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).id().equals(value)) {
        return i;
      }
    }
    return -1;
  }

  /** True for yes/no questions (binary and HPO). */
  public boolean yesNo() {
    return kind == QuestionKind.BINARY || kind == QuestionKind.HPO;
  }
}
