package org.detecta.text;

import java.util.Locale;

/** The language of a note; {@link #AUTO} asks the extractor to detect it (an {@link Extraction} never carries AUTO). */
public enum Language {
  AUTO, ES, EN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code auto}, {@code es} or {@code en} (any case); anything else is a clear error naming the value. */
  public static Language parse(String code) {
    String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return switch (c) {
      case "auto" -> AUTO;
      case "es" -> ES;
      case "en" -> EN;
      default -> throw new IllegalArgumentException("Unknown language '" + code + "': use es, en or auto");
    };
  }
}
