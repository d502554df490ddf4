package org.detecta.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.detecta.Detecta;
import org.detecta.config.DetectaPaths;
import org.detecta.diagnosis.DiagnosticModel;

/**
 * Brings an artifact to life at most once per JVM (per Spark executor): keyed by its sha256, loaded through
 * its model family (the rare-disease model also loads the knowledge base from the data directory).
 */
public final class ScorerCache {
  private static final Map<String, DiagnosticModel> MODELS = new ConcurrentHashMap<>();

  private ScorerCache() {
  }

  public static DiagnosticModel model(ScoringArtifact artifact, String dataDir) {
    return MODELS.computeIfAbsent(artifact.sha256(), sha -> load(artifact, dataDir));
  }

  private static DiagnosticModel load(ScoringArtifact artifact, String dataDir) {
    Detecta detecta = new Detecta(DetectaPaths.resolve(Optional.of(Path.of(dataDir)), Optional.empty()));
    try {
      return detecta.catalog().require(artifact.model()).load(artifact.bytes(), detecta.knowledgeBase());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + artifact.model() + ":" + artifact.version(), e);
    }
  }
}
