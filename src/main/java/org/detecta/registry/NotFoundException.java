package org.detecta.registry;

/**
 * An unknown model, version, alias or run; the message names what exists instead. An
 * {@link IllegalArgumentException}, so the CLI exits 2; the HTTP server maps it to 404.
 */
public final class NotFoundException extends IllegalArgumentException {
  public NotFoundException(String message) {
    super(message);
  }
}
