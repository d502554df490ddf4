package org.detecta;

import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The real public data in {@code ../shared/data} (overridable with {@code -Ddetecta.shared.data=DIR}),
 * read in place and never copied into the repository. The knowledge base is loaded once per JVM.
 */
public final class SharedData {
  private static final Supplier<KnowledgeBase> KNOWLEDGE_BASE = Detecta.memoize(() -> KnowledgeBaseLoader.loadFromDataDir(dir()));

  private SharedData() {
  }

  public static Path dir() {
    Path dir = Path.of(System.getProperty("detecta.shared.data", "../shared/data")).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir.resolve("hpo"))) {
      throw new IllegalStateException("Shared data not found at " + dir
          + ": integration tests need ../shared/data next to the repository or -Ddetecta.shared.data=DIR");
    }
    return dir;
  }

  public static Path path(String relative) {
    return dir().resolve(relative);
  }

  public static KnowledgeBase knowledgeBase() {
    return KNOWLEDGE_BASE.get();
  }
}
