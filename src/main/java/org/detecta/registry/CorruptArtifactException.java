package org.detecta.registry;

/** A stored artifact whose bytes no longer match the sha256 the registry recorded: it is never loaded. */
public final class CorruptArtifactException extends RuntimeException {
  public CorruptArtifactException(String message) {
    super(message);
  }
}
