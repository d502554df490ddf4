package org.detecta;

import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The hand-made unit-test knowledge base: {@code kb/hp.small.json} (35 current HPO terms with their real ids,
 * labels and is_a edges: seizure, development, head size, hypotonia, frequency and inheritance branches, plus two
 * obsolete terms) and {@code kb/small.hpoa} (5 diseases). Loaded once per JVM, in milliseconds.
 */
public final class SmallKb {
  private static final Supplier<KnowledgeBase> KNOWLEDGE_BASE = Detecta.memoize(() -> KnowledgeBaseLoader.load(ontology(), annotations()));

  private SmallKb() {
  }

  public static Path ontology() {
    return resource("/org/detecta/kb/hp.small.json");
  }

  public static Path annotations() {
    return resource("/org/detecta/kb/small.hpoa");
  }

  public static KnowledgeBase knowledgeBase() {
    return KNOWLEDGE_BASE.get();
  }

  private static Path resource(String name) {
    try {
      return Path.of(SmallKb.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("Test resource " + name + " is missing from the test classpath", e);
    }
  }
}
