package org.detecta.kb;

import org.monarchinitiative.phenol.ontology.data.TermId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;

/**
 * A binary copy of the parsed {@link KnowledgeBase} in the home ({@code <home>/cache/kb-<key>.bin}), so a process
 * does not parse {@code hp.json} and {@code phenotype.hpoa} with phenol again. The file is named and headed by the
 * sha256 of both HPO files, and its header also names this build ({@link org.detecta.config.BuildStamp#stamp}) and the
 * cache format: another release, another build or other HPO files never read it. It ends with a CRC-32C of
 * everything before; a missing, foreign, truncated or corrupt file is rebuilt from the HPO files and replaced
 * atomically (temporary file, then rename). Failing to write the cache only costs the next start the parse.
 */
public final class KnowledgeBaseCache {
  static final int FORMAT = 1;
  private static final int MAGIC = 0x444b4243; // "DKBC"
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseCache.class);

  private final Path directory;
  private final String build;

  /** A cache in {@code directory} (created when first written) for the build named {@code build}. */
  public KnowledgeBaseCache(Path directory, String build) {
    this.directory = directory;
    this.build = build;
  }

  /** The knowledge base of the {@code hpo/} folder of a data directory, from the cache when it is valid. */
  public KnowledgeBase loadFromDataDir(Path dataDir) {
    Path hpo = dataDir.resolve("hpo");
    return load(hpo.resolve("hp.json"), hpo.resolve("phenotype.hpoa"));
  }

  public KnowledgeBase load(Path ontologyFile, Path annotationFile) {
    if (!Files.isRegularFile(ontologyFile) || !Files.isRegularFile(annotationFile)) {
      return KnowledgeBaseLoader.load(ontologyFile, annotationFile); // says which file is missing
    }
    long start = System.nanoTime();
    CompletableFuture<String> annotationsSha = CompletableFuture.supplyAsync(() -> sha256(annotationFile),
        KnowledgeBaseLoader::startDaemon);
    String ontologySha = sha256(ontologyFile);
    Key key = new Key(build, ontologySha, KnowledgeBaseLoader.join(annotationsSha));
    Path file = file(key);
    try {
      KnowledgeBase kb = read(file, key);
      LOG.info("Knowledge base: {} terms, {} diseases, HPO {} (annotations {}) from the cache {} in {} ms",
          kb.terms().size(), kb.diseases().size(), kb.release().ontologyVersion(), kb.release().annotationsDate(),
          file, (System.nanoTime() - start) / 1_000_000);
      return kb;
    } catch (NoSuchFileException e) {
      LOG.info("No knowledge-base cache for these HPO files yet ({}): parsing them", file);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Knowledge-base cache {} not usable ({}): parsing the HPO files again", file, e.getMessage());
    }
    KnowledgeBase kb = KnowledgeBaseLoader.load(ontologyFile, annotationFile);
    if (kb.release().ontologySha256().equals(key.ontologySha256())
        && kb.release().annotationsSha256().equals(key.annotationsSha256())) {
      write(file, key, kb);
    } else {
      LOG.warn("The HPO files changed while being read; not caching the knowledge base");
    }
    return kb;
  }

  /** Where the cache of these HPO files lives (one file per pair of HPO files; rewritten by another build). */
  Path file(Key key) {
    return directory.resolve("kb-" + key.ontologySha256().substring(0, 16) + "-"
        + key.annotationsSha256().substring(0, 16) + ".bin");
  }

  /** What a cache file must have been written for: this build and exactly these HPO files. */
  record Key(String build, String ontologySha256, String annotationsSha256) {
  }

  private static KnowledgeBase read(Path file, Key key) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < Long.BYTES) {
      throw new IOException("truncated (" + bytes.length + " bytes)");
    }
    int body = bytes.length - Long.BYTES;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, body);
    long stored = java.nio.ByteBuffer.wrap(bytes, body, Long.BYTES).getLong();
    if (stored != crc.getValue()) {
      throw new IOException("checksum mismatch (corrupt or truncated)");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
    if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
      throw new IOException("not a knowledge-base cache of format " + FORMAT);
    }
    Key written = new Key(string(in), string(in), string(in));
    if (!written.equals(key)) {
      throw new IOException(!written.build().equals(key.build()) ? "written by another build (" + written.build() + ")"
          : "written for other HPO files");
    }
    HpoRelease release = new HpoRelease(string(in), string(in), key.ontologySha256(), key.annotationsSha256());
    TermIndex terms = readTerms(in);
    List<DiseaseProfile> diseases = readDiseases(in, terms);
    int skippedCount = count(in);
    List<SkippedAnnotation> skipped = new ArrayList<>(skippedCount);
    for (int i = 0; i < skippedCount; i++) {
      skipped.add(new SkippedAnnotation(string(in), string(in), TermResolution.Status.valueOf(string(in))));
    }
    if (in.available() != 0) {
      throw new IOException(in.available() + " unexpected trailing bytes");
    }
    return new KnowledgeBase(release, terms, diseases, skipped);
  }

  private static TermIndex readTerms(DataInputStream in) throws IOException {
    String release = string(in);
    int n = count(in);
    TermId[] ids = new TermId[n];
    String[] labels = new String[n];
    List<List<String>> synonyms = new ArrayList<>(n);
    int[][] parents = new int[n][];
    for (int i = 0; i < n; i++) {
      ids[i] = TermId.of(string(in));
      labels[i] = string(in);
      int s = count(in);
      String[] values = new String[s];
      for (int k = 0; k < s; k++) {
        values[k] = string(in);
      }
      synonyms.add(List.of(values));
      parents[i] = new int[count(in)];
      for (int k = 0; k < parents[i].length; k++) {
        parents[i][k] = in.readInt();
      }
    }
    Map<TermId, Integer> alternative = readIdMap(in);
    Map<TermId, Integer> obsolete = readIdMap(in);
    try {
      return TermIndex.of(ids, labels, synonyms, parents, alternative, obsolete, release);
    } catch (IllegalArgumentException e) {
      throw new IOException("inconsistent term index: " + e.getMessage(), e);
    }
  }

  private static List<DiseaseProfile> readDiseases(DataInputStream in, TermIndex terms) throws IOException {
    int n = count(in);
    List<DiseaseProfile> diseases = new ArrayList<>(n);
    for (int d = 0; d < n; d++) {
      String id = string(in);
      String name = string(in);
      int a = count(in);
      List<PhenotypeAnnotation> annotations = new ArrayList<>(a);
      for (int k = 0; k < a; k++) {
        int term = in.readInt();
        if (term < 0 || term >= terms.size()) {
          throw new IOException("annotation of " + id + " names term index " + term + " of " + terms.size());
        }
        double frequency = in.readDouble();
        byte flags = in.readByte();
        try {
          annotations.add(new PhenotypeAnnotation(terms.id(term), frequency, (flags & 1) != 0, (flags & 2) != 0));
        } catch (IllegalArgumentException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
      diseases.add(new DiseaseProfile(id, name, annotations));
    }
    return diseases;
  }

  private static Map<TermId, Integer> readIdMap(DataInputStream in) throws IOException {
    int n = count(in);
    Map<TermId, Integer> map = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      map.put(TermId.of(string(in)), in.readInt());
    }
    return map;
  }

  private void write(Path file, Key key, KnowledgeBase kb) {
    Path temp = null;
    try {
      byte[] bytes = encode(key, kb);
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
      Files.write(temp, bytes);
      try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      LOG.info("Knowledge base cached in {} ({} KiB)", file, bytes.length / 1024);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot write the knowledge-base cache {}: {} (the next start parses the HPO files again)", file,
          e.getMessage());
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a left-over .part file is never read
        }
      }
    }
  }

  static byte[] encode(Key key, KnowledgeBase kb) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 << 20);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    string(out, key.build());
    string(out, key.ontologySha256());
    string(out, key.annotationsSha256());
    string(out, kb.release().ontologyVersion());
    string(out, kb.release().annotationsDate());
    TermIndex terms = kb.terms();
    string(out, terms.release());
    out.writeInt(terms.size());
    for (int i = 0; i < terms.size(); i++) {
      string(out, terms.id(i).getValue());
      string(out, terms.label(i));
      out.writeInt(terms.synonyms(i).size());
      for (String synonym : terms.synonyms(i)) {
        string(out, synonym);
      }
      out.writeInt(terms.parents(i).length);
      for (int p : terms.parents(i)) {
        out.writeInt(p);
      }
    }
    writeIdMap(out, terms.alternativeIds());
    writeIdMap(out, terms.obsoleteIds());
    out.writeInt(kb.diseases().size());
    for (DiseaseProfile disease : kb.diseases()) {
      string(out, disease.id());
      string(out, disease.name());
      out.writeInt(disease.annotations().size());
      for (PhenotypeAnnotation a : disease.annotations()) {
        out.writeInt(terms.indexOf(a.term()).orElseThrow());
        out.writeDouble(a.frequency());
        out.writeByte((a.frequencyKnown() ? 1 : 0) | (a.excluded() ? 2 : 0));
      }
    }
    out.writeInt(kb.skippedAnnotations().size());
    for (SkippedAnnotation s : kb.skippedAnnotations()) {
      string(out, s.diseaseId());
      string(out, s.termId());
      string(out, s.status().name());
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  private static void writeIdMap(DataOutputStream out, Map<TermId, Integer> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<TermId, Integer> e : new java.util.TreeMap<>(map).entrySet()) {
      string(out, e.getKey().getValue());
      out.writeInt(e.getValue());
    }
  }

  /** Strings as length + UTF-8 (no 64 KiB limit as with writeUTF). */
  private static void string(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("string length " + n + " beyond the end of the file");
    }
    byte[] utf8 = new byte[n];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("count " + n + " beyond the end of the file");
    }
    return n;
  }

  private static String sha256(Path file) {
    MessageDigest digest = KnowledgeBaseLoader.sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
