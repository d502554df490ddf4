package org.detecta.registry;

/**
 * A registry operation refused because of the current state (deleting an aliased version, restoring into a
 * non-empty home). An {@link IllegalArgumentException}, so the CLI exits 2; the HTTP server maps it to 409.
 */
public final class ConflictException extends IllegalArgumentException {
  public ConflictException(String message) {
    super(message);
  }
}
