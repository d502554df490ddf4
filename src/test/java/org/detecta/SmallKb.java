package org.detecta;

import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The hand-made unit-test knowledge base: {@code kb/hp.small.json} (35 current HPO terms with their real ids,
 * labels and is_a edges: seizure, development, head size, hypotonia, frequency and inheritance branches, plus two
 * obsolete terms) and {@code kb/small.hpoa} (5 diseases). Loaded once per JVM, in milliseconds.
 */
public final class SmallKb {
  private static volatile KnowledgeBase knowledgeBase;

  private SmallKb() {
  }

  public static Path ontology() {
    return resource("/org/detecta/kb/hp.small.json");
  }

  public static Path annotations() {
    return resource("/org/detecta/kb/small.hpoa");
  }

  public static KnowledgeBase knowledgeBase() {
    KnowledgeBase kb = knowledgeBase;
    if (kb == null) {
      synchronized (SmallKb.class) {
        kb = knowledgeBase;
        if (kb == null) {
          knowledgeBase = kb = KnowledgeBaseLoader.load(ontology(), annotations());
        }
      }
    }
    return kb;
  }

  private static Path resource(String name) {
    try {
      return Path.of(SmallKb.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("Test resource " + name + " is missing from the test classpath", e);
    }
  }
}
