package org.detecta.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a model version as users write it: {@code NAME} (= {@code NAME@champion}),
 * {@code NAME@ALIAS} or {@code NAME:VERSION}.
 */
public record ModelRef(String name, Optional<String> alias, Optional<Integer> version) {
  public static final String CHAMPION = "champion";
  private static final Pattern FORM = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]*)(?:@([A-Za-z][A-Za-z0-9_-]*)|:(\\d+))?");

  public ModelRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(version, "version");
  }

  public static ModelRef parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a model reference; use NAME, NAME@ALIAS or NAME:VERSION");
    }
    if (m.group(3) != null) {
      return new ModelRef(m.group(1), Optional.empty(), Optional.of(Integer.parseInt(m.group(3))));
    }
    return new ModelRef(m.group(1), Optional.of(m.group(2) == null ? CHAMPION : m.group(2)), Optional.empty());
  }

  @Override
  public String toString() {
    return version.map(v -> name + ":" + v).orElseGet(() -> name + "@" + alias.orElse(CHAMPION));
  }
}
