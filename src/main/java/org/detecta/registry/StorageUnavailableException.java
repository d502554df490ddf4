package org.detecta.registry;

/** The database cannot be reached or written; callers map it to 503 (HTTP) or exit code 1 (CLI). */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
