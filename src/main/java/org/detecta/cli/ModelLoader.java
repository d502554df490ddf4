package org.detecta.cli;

import org.detecta.Detecta;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.registry.ModelRef;
import org.detecta.registry.ModelVersion;

/** Loads a stored model by reference (NAME = NAME@champion, NAME@ALIAS, NAME:VERSION) through its family. */
final class ModelLoader {
  record Loaded(ModelVersion version, DiagnosticModel model) {
  }

  private ModelLoader() {
  }

  static Loaded load(Detecta detecta, String reference) throws java.io.IOException {
    ModelRef ref = ModelRef.parse(reference);
    ModelVersion version = detecta.registry().require(ref);
    byte[] artifact = detecta.registry().artifact(version);
    return new Loaded(version, detecta.catalog().require(version.name()).load(artifact, detecta.knowledgeBase()));
  }
}
