package org.detecta.kb;

import org.monarchinitiative.phenol.annotations.io.hpo.DiseaseDatabase;
import org.monarchinitiative.phenol.annotations.io.hpo.HpoAnnotationLine;
import org.monarchinitiative.phenol.annotations.io.hpo.HpoaDiseaseData;
import org.monarchinitiative.phenol.annotations.io.hpo.HpoaDiseaseDataContainer;
import org.monarchinitiative.phenol.annotations.io.hpo.HpoaDiseaseDataLoader;
import org.monarchinitiative.phenol.annotations.io.hpo.Aspect;
import org.monarchinitiative.phenol.io.MinimalOntologyLoader;
import org.monarchinitiative.phenol.ontology.data.MinimalOntology;
import org.monarchinitiative.phenol.ontology.data.TermId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.GZIPInputStream;

/**
 * Builds a {@link KnowledgeBase} from {@code hp.json} and {@code phenotype.hpoa} with phenol. Only
 * phenotypic-abnormality rows (aspect P) become disease features; alternative ids are mapped to current
 * terms; rows whose term is unknown or obsolete are counted and skipped (see {@code data validate}).
 */
public final class KnowledgeBaseLoader {
  /** Frequency assumed for a feature whose source gives none (flagged as not known). */
  public static final double DEFAULT_FREQUENCY = 1.0;
  private static final String EXCLUDED_FREQUENCY = "HP:0040285";
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseLoader.class);

  private KnowledgeBaseLoader() {
  }

  /** Loads {@code hp.json} and {@code phenotype.hpoa} from the {@code hpo/} folder of a data directory. */
  public static KnowledgeBase loadFromDataDir(Path dataDir) {
    Path hpo = dataDir.resolve("hpo");
    return load(hpo.resolve("hp.json"), hpo.resolve("phenotype.hpoa"));
  }

  public static KnowledgeBase load(Path ontologyFile, Path annotationFile) {
    requireFile(ontologyFile, "HPO ontology (hp.json)");
    requireFile(annotationFile, "HPO disease annotations (phenotype.hpoa)");
    long start = System.nanoTime();
    // The two files are independent until profiles are built: parse the annotations on a second thread.
    CompletableFuture<Hashed<HpoaDiseaseDataContainer>> annotationsFuture = CompletableFuture.supplyAsync(
        () -> readUnchecked(annotationFile,
            in -> HpoaDiseaseDataLoader.of(DiseaseDatabase.allKnownDiseaseDatabases()).loadDiseaseData(in)),
        KnowledgeBaseLoader::startDaemon);
    // hp.json is read into memory once: phenol parses it, then a streaming scan finds the deprecated classes
    // (with their replaced_by) that phenol leaves out.
    Hashed<byte[]> ontologyBytes = readUnchecked(ontologyFile, InputStream::readAllBytes);
    CompletableFuture<Map<TermId, Optional<TermId>>> deprecatedFuture = CompletableFuture.supplyAsync(() -> {
      try {
        return ObsoleteTerms.scan(new ByteArrayInputStream(ontologyBytes.value()));
      } catch (IOException | RuntimeException e) {
        throw notOboGraph(ontologyFile, e);
      }
    }, KnowledgeBaseLoader::startDaemon);
    MinimalOntology ontology;
    try {
      ontology = MinimalOntologyLoader.loadOntology(new ByteArrayInputStream(ontologyBytes.value()), "HP");
    } catch (RuntimeException e) {
      throw notOboGraph(ontologyFile, e);
    }
    Map<TermId, Optional<TermId>> deprecated = join(deprecatedFuture);
    long parsed = System.nanoTime();
    TermIndex terms = TermIndex.of(ontology, deprecated);
    long indexed = System.nanoTime();
    Hashed<HpoaDiseaseDataContainer> annotations = join(annotationsFuture);
    long annotated = System.nanoTime();
    List<DiseaseProfile> diseases = new ArrayList<>();
    List<SkippedAnnotation> skipped = new ArrayList<>();
    for (HpoaDiseaseData data : annotations.value().diseaseData()) {
      DiseaseProfile profile = toProfile(data, terms, skipped);
      if (!profile.annotations().isEmpty()) {
        diseases.add(profile);
      }
    }
    HpoRelease release = new HpoRelease(terms.release(), annotations.value().version().orElse("unknown"),
        ontologyBytes.sha256(), annotations.sha256());
    KnowledgeBase kb = new KnowledgeBase(release, terms, diseases, skipped);
    long end = System.nanoTime();
    LOG.info("Knowledge base: {} terms, {} diseases, HPO {} (annotations {}) in {} ms", terms.size(),
        diseases.size(), release.ontologyVersion(), release.annotationsDate(), (end - start) / 1_000_000);
    LOG.debug("KB phases (ms): hp.json {}, term index {}, waiting for phenotype.hpoa {}, profiles + IC {};"
            + " {} annotation rows skipped (obsolete/unknown term)", (parsed - start) / 1_000_000,
        (indexed - parsed) / 1_000_000, (annotated - indexed) / 1_000_000, (end - annotated) / 1_000_000, skipped.size());
    return kb;
  }

  private static UncheckedIOException notOboGraph(Path file, Exception e) {
    return new UncheckedIOException(new IOException("Cannot parse the HPO ontology " + file
        + " as OBO-Graph JSON: " + e.getMessage(), e));
  }

  /** A daemon thread for one background step of loading (parsing, hashing): it never keeps the JVM alive. */
  static Thread startDaemon(Runnable task) {
    Thread thread = new Thread(task, "kb-loader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The future's value, rethrowing the step's own runtime exception rather than a CompletionException. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static DiseaseProfile toProfile(HpoaDiseaseData data, TermIndex terms, List<SkippedAnnotation> skipped) {
    String diseaseId = data.id().getValue();
    Map<TermId, List<HpoAnnotationLine>> byTerm = new LinkedHashMap<>();
    for (HpoAnnotationLine line : data.annotationLines()) {
      if (line.aspect() != Aspect.P) {
        continue;
      }
      Optional<Integer> index = terms.indexOf(line.phenotypeTermId());
      if (index.isPresent()) {
        byTerm.computeIfAbsent(terms.id(index.get()), k -> new ArrayList<>()).add(line);
      } else {
        String termId = line.phenotypeTermId().getValue();
        skipped.add(new SkippedAnnotation(diseaseId, termId, terms.resolve(termId).status()));
      }
    }
    List<PhenotypeAnnotation> annotations = new ArrayList<>(byTerm.size());
    byTerm.forEach((term, lines) -> annotations.add(combine(term, lines)));
    return new DiseaseProfile(diseaseId, data.name() == null ? diseaseId : data.name(), annotations);
  }

  /**
   * Several rows for one term (different references) average their known frequencies; NOT wins only alone.
   * A row whose frequency is the HPO term "Excluded" (HP:0040285, 0%) counts as a NOT row.
   */
  private static PhenotypeAnnotation combine(TermId term, List<HpoAnnotationLine> lines) {
    boolean allNegated = lines.stream().allMatch(KnowledgeBaseLoader::negated);
    if (allNegated) {
      return new PhenotypeAnnotation(term, 0.0, true, true);
    }
    double sum = 0;
    int known = 0;
    for (HpoAnnotationLine line : lines) {
      if (negated(line)) {
        continue;
      }
      OptionalDouble frequency = AnnotationFrequency.parse(line.frequency());
      if (frequency.isPresent()) {
        sum += frequency.getAsDouble();
        known++;
      }
    }
    return known == 0
        ? new PhenotypeAnnotation(term, DEFAULT_FREQUENCY, false, false)
        : new PhenotypeAnnotation(term, sum / known, true, false);
  }

  private static boolean negated(HpoAnnotationLine line) {
    return line.isNegated() || EXCLUDED_FREQUENCY.equals(line.frequency() == null ? "" : line.frequency().trim());
  }

  private static void requireFile(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Missing " + what + " at " + file.toAbsolutePath()
          + "; run './detecta data fetch' or pass --data DIR");
    }
  }

  private interface StreamParser<T> {
    T parse(InputStream in) throws IOException;
  }

  private record Hashed<T>(T value, String sha256) {
  }

  /** Parses a (possibly gzipped) file while hashing the bytes as stored on disk. */
  private static <T> Hashed<T> readUnchecked(Path file, StreamParser<T> parser) {
    try {
      return read(file, parser);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static <T> Hashed<T> read(Path file, StreamParser<T> parser) throws IOException {
    MessageDigest digest = sha256();
    try (DigestInputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
         InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      // Parsers close what they are given; shield the stream so the rest can still be hashed.
      T value = parser.parse(new java.io.FilterInputStream(in) {
        @Override
        public void close() {
        }
      });
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return new Hashed<>(value, HexFormat.of().formatHex(digest.digest()));
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
