package org.detecta.data;

import java.net.URI;
import java.util.Objects;

/**
 * One file of a public source: the source name ({@code hpo}, {@code phenopackets}), where it goes in the data
 * directory ({@code path}, relative), and the URL it is downloaded from. {@code unpackTo} is non-empty for an
 * archive whose contents replace that directory (the phenopacket-store zip).
 */
public record RemoteFile(String source, String path, URI url, String unpackTo) {
  public RemoteFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(url, "url");
    unpackTo = unpackTo == null ? "" : unpackTo;
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException("data file path must be relative and inside the data directory: " + path);
    }
  }

  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
