package org.detecta.kb;

import org.detecta.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KnowledgeBaseCacheIT {
  @TempDir
  Path tmp;

  @Test
  void theRealHpoComesBackFromTheCacheUnchanged() throws Exception {
    KnowledgeBase parsed = SharedData.knowledgeBase();
    KnowledgeBaseCache cache = new KnowledgeBaseCache(tmp, "it");
    KnowledgeBaseCacheTest.assertSameKnowledgeBase(parsed, cache.loadFromDataDir(SharedData.dir())); // miss: parse, write
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count());
    }
    KnowledgeBaseCacheTest.assertSameKnowledgeBase(parsed, cache.loadFromDataDir(SharedData.dir())); // hit
  }
}
