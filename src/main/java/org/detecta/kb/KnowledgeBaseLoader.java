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
import java.util.OptionalDouble;
import java.util.zip.GZIPInputStream;

/**
 * Builds a {@link KnowledgeBase} from {@code hp.json} and {@code phenotype.hpoa} with phenol. Only
 * phenotypic-abnormality rows (aspect P) become disease features; alternative ids are mapped to current
 * terms; rows whose term is unknown or obsolete are counted and skipped (see {@code data validate}).
 */
public final class KnowledgeBaseLoader {
  /** Frequency assumed for a feature whose source gives none (flagged as not known). */
  public static final double DEFAULT_FREQUENCY = 1.0;
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
    try {
      long start = System.nanoTime();
      Hashed<MinimalOntology> ontology = read(ontologyFile, in -> MinimalOntologyLoader.loadOntology(in, "HP"));
      TermIndex terms = TermIndex.of(ontology.value());
      Hashed<HpoaDiseaseDataContainer> annotations = read(annotationFile,
          in -> HpoaDiseaseDataLoader.of(DiseaseDatabase.allKnownDiseaseDatabases()).loadDiseaseData(in));
      List<DiseaseProfile> diseases = new ArrayList<>();
      for (HpoaDiseaseData data : annotations.value().diseaseData()) {
        DiseaseProfile profile = toProfile(data, terms);
        if (!profile.annotations().isEmpty()) {
          diseases.add(profile);
        }
      }
      HpoRelease release = new HpoRelease(terms.release(), annotations.value().version().orElse("unknown"),
          ontology.sha256(), annotations.sha256());
      KnowledgeBase kb = new KnowledgeBase(release, terms, diseases);
      LOG.info("Knowledge base: {} terms, {} diseases, HPO {} (annotations {}) in {} ms", terms.size(),
          diseases.size(), release.ontologyVersion(), release.annotationsDate(), (System.nanoTime() - start) / 1_000_000);
      return kb;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the knowledge base: " + e.getMessage(), e);
    }
  }

  private static DiseaseProfile toProfile(HpoaDiseaseData data, TermIndex terms) {
    Map<TermId, List<HpoAnnotationLine>> byTerm = new LinkedHashMap<>();
    for (HpoAnnotationLine line : data.annotationLines()) {
      if (line.aspect() != Aspect.P) {
        continue;
      }
      terms.indexOf(line.phenotypeTermId())
          .map(terms::id)
          .ifPresent(term -> byTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(line));
    }
    List<PhenotypeAnnotation> annotations = new ArrayList<>(byTerm.size());
    byTerm.forEach((term, lines) -> annotations.add(combine(term, lines)));
    return new DiseaseProfile(data.id().getValue(), data.name() == null ? data.id().getValue() : data.name(),
        annotations);
  }

  /** Several rows for one term (different references) average their known frequencies; NOT wins only alone. */
  private static PhenotypeAnnotation combine(TermId term, List<HpoAnnotationLine> lines) {
    boolean allNegated = lines.stream().allMatch(HpoAnnotationLine::isNegated);
    if (allNegated) {
      return new PhenotypeAnnotation(term, 0.0, true, true);
    }
    double sum = 0;
    int known = 0;
    for (HpoAnnotationLine line : lines) {
      if (line.isNegated()) {
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
