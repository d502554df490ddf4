package org.detecta.kb;

import org.detecta.SmallKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeBaseCacheTest {
  @TempDir
  Path tmp;

  private Path ontology;
  private Path annotations;

  private void copySmallKb() throws IOException {
    Files.createDirectories(tmp.resolve("data/hpo"));
    ontology = Files.copy(SmallKb.ontology(), tmp.resolve("data/hpo/hp.json"));
    annotations = Files.copy(SmallKb.annotations(), tmp.resolve("data/hpo/phenotype.hpoa"));
  }

  private KnowledgeBaseCache cache(String build) {
    return new KnowledgeBaseCache(tmp.resolve("home/cache"), build);
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(tmp.resolve("home/cache"))) {
      return files.sorted().toList();
    }
  }

  @Test
  void aMissParsesTheFilesAndWritesAnEquivalentCache() throws IOException {
    copySmallKb();
    KnowledgeBase parsed = cache("build 1").load(ontology, annotations);
    assertSameKnowledgeBase(KnowledgeBaseLoader.load(ontology, annotations), parsed);
    List<Path> files = cacheFiles();
    assertEquals(1, files.size(), files.toString());
    assertTrue(files.get(0).getFileName().toString().endsWith(".bin"), "no temporary file left: " + files);
    assertSameKnowledgeBase(parsed, cache("build 1").load(ontology, annotations));
  }

  @Test
  void aHitReadsTheCacheInsteadOfTheHpoFiles() throws IOException {
    copySmallKb();
    KnowledgeBase real = cache("build 1").load(ontology, annotations);
    // Rewrite the valid cache with a disease renamed: only a load that reads the cache can return that name.
    KnowledgeBaseCache.Key key = new KnowledgeBaseCache.Key("build 1", real.release().ontologySha256(),
        real.release().annotationsSha256());
    List<DiseaseProfile> renamed = new ArrayList<>();
    for (DiseaseProfile d : real.diseases()) {
      renamed.add(d.id().equals("ORPHA:2512") ? new DiseaseProfile(d.id(), "renamed in the cache", d.annotations()) : d);
    }
    Path file = cacheFiles().get(0);
    Files.write(file, KnowledgeBaseCache.encode(key, new KnowledgeBase(real.release(), real.terms(), renamed,
        real.skippedAnnotations())));
    KnowledgeBase hit = cache("build 1").load(ontology, annotations);
    assertEquals("renamed in the cache", hit.disease("ORPHA:2512").orElseThrow().name());
  }

  @Test
  void otherHpoFilesMissAndGetTheirOwnCache() throws IOException {
    copySmallKb();
    KnowledgeBase before = cache("build 1").load(ontology, annotations);
    Files.writeString(annotations, Files.readString(annotations).replace("1p36 microdeletion syndrome",
        "1p36 deletion syndrome"), StandardCharsets.UTF_8);
    KnowledgeBase after = cache("build 1").load(ontology, annotations);
    assertNotEquals(before.release().annotationsSha256(), after.release().annotationsSha256());
    assertEquals("1p36 deletion syndrome", after.disease("DECIPHER:18").orElseThrow().name());
    assertEquals(2, cacheFiles().size(), "one cache per pair of HPO files");
    assertEquals("1p36 deletion syndrome", cache("build 1").load(ontology, annotations)
        .disease("DECIPHER:18").orElseThrow().name());
  }

  @Test
  void anotherBuildNeverTrustsTheCacheAndReplacesIt() throws IOException {
    copySmallKb();
    KnowledgeBase real = cache("release 1").load(ontology, annotations);
    Path file = cacheFiles().get(0);
    // a cache of release 1 claiming a different disease name must not be read by release 2
    KnowledgeBaseCache.Key old = new KnowledgeBaseCache.Key("release 1", real.release().ontologySha256(),
        real.release().annotationsSha256());
    List<DiseaseProfile> renamed = real.diseases().stream()
        .map(d -> new DiseaseProfile(d.id(), "stale " + d.name(), d.annotations())).toList();
    Files.write(file, KnowledgeBaseCache.encode(old, new KnowledgeBase(real.release(), real.terms(), renamed)));
    KnowledgeBase next = cache("release 2").load(ontology, annotations);
    assertFalse(next.disease("ORPHA:2512").orElseThrow().name().startsWith("stale"));
    assertSameKnowledgeBase(real, cache("release 2").load(ontology, annotations));
    assertEquals(List.of(file), cacheFiles(), "the same file, now written by release 2");
  }

  @Test
  void aCorruptCacheIsRebuilt() throws IOException {
    copySmallKb();
    KnowledgeBase real = cache("build 1").load(ontology, annotations);
    Path file = cacheFiles().get(0);
    byte[] good = Files.readAllBytes(file);
    byte[] corrupt = good.clone();
    corrupt[corrupt.length / 2] ^= 0x5a;
    Files.write(file, corrupt);
    assertSameKnowledgeBase(real, cache("build 1").load(ontology, annotations));
    assertArrayEquals(good, Files.readAllBytes(file), "the corrupt file was replaced by a valid one");
  }

  @Test
  void aTruncatedOrEmptyCacheIsRebuilt() throws IOException {
    copySmallKb();
    KnowledgeBase real = cache("build 1").load(ontology, annotations);
    Path file = cacheFiles().get(0);
    byte[] good = Files.readAllBytes(file);
    for (int length : new int[] {0, 5, good.length / 3, good.length - 1}) {
      Files.write(file, java.util.Arrays.copyOf(good, length), StandardOpenOption.TRUNCATE_EXISTING);
      assertSameKnowledgeBase(real, cache("build 1").load(ontology, annotations));
      assertArrayEquals(good, Files.readAllBytes(file), "rebuilt after truncation to " + length + " bytes");
    }
  }

  @Test
  void anUnwritableCacheDirectoryOnlyCostsTheParse() throws IOException {
    copySmallKb();
    Files.writeString(tmp.resolve("home"), "a file where the cache directory's parent should be");
    KnowledgeBase kb = cache("build 1").load(ontology, annotations);
    assertEquals(5, kb.diseases().size());
  }

  /** Everything a knowledge base exposes: release, terms (labels, synonyms, graph, id resolution), diseases, IC. */
  static void assertSameKnowledgeBase(KnowledgeBase expected, KnowledgeBase actual) {
    assertEquals(expected.release(), actual.release());
    TermIndex e = expected.terms();
    TermIndex a = actual.terms();
    assertEquals(e.release(), a.release());
    assertEquals(e.size(), a.size());
    for (int i = 0; i < e.size(); i++) {
      assertEquals(e.id(i), a.id(i));
      assertEquals(e.label(i), a.label(i));
      assertEquals(e.synonyms(i), a.synonyms(i));
      assertArrayEquals(e.parents(i), a.parents(i));
      assertArrayEquals(e.children(i), a.children(i));
      assertArrayEquals(e.ancestors(i), a.ancestors(i));
      assertEquals(expected.informationContent(i), actual.informationContent(i));
    }
    assertEquals(e.alternativeIds(), a.alternativeIds());
    assertEquals(e.obsoleteIds(), a.obsoleteIds());
    for (var id : e.obsoleteIds().keySet()) {
      assertEquals(e.resolve(id.getValue()), a.resolve(id.getValue()));
    }
    assertEquals(expected.diseases(), actual.diseases());
    assertEquals(expected.skippedAnnotations(), actual.skippedAnnotations());
  }
}
