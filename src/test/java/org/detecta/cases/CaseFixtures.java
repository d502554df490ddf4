package org.detecta.cases;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the hand-made case files under {@code src/test/resources/org/detecta/cases/}. */
final class CaseFixtures {
  private CaseFixtures() {
  }

  static Path path(String name) {
    try {
      return Path.of(CaseFixtures.class.getResource("/org/detecta/cases/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource org/detecta/cases/" + name, e);
    }
  }
}
