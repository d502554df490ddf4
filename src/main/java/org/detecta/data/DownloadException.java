package org.detecta.data;

import java.io.IOException;
import java.net.URI;

/** A download that failed: the message always names the URL and what went wrong (status, network, truncation). */
public final class DownloadException extends IOException {
  private final URI url;

  public DownloadException(URI url, String message, Throwable cause) {
    super(message, cause);
    this.url = url;
  }

  public URI url() {
    return url;
  }
}
