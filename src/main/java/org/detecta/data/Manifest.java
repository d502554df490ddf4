package org.detecta.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code <data>/MANIFEST.json}: for every downloaded file (by its path in the data directory) the source, URL,
 * size, sha256, download time and release. Written to a temporary file and renamed, never half-written; entries of
 * files not fetched in this run are kept.
 */
public final class Manifest {
  public static final String FILE_NAME = "MANIFEST.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One downloaded file. {@code release} is empty when the format carries none. */
  public record Entry(String source, String url, long size, String sha256, String downloaded, String release) {
    public Entry {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(downloaded, "downloaded");
      release = release == null ? "" : release;
    }
  }

  private final Map<String, Entry> files;

  private Manifest(Map<String, Entry> files) {
    this.files = files;
  }

  public static Manifest read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    Map<String, Entry> files = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return new Manifest(files);
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON (" + e.getMessage() + "); delete it and fetch again", e);
    }
    root.path("files").fields().forEachRemaining(f -> {
      JsonNode e = f.getValue();
      files.put(f.getKey(), new Entry(e.path("source").asText(""), e.path("url").asText(""), e.path("size").asLong(),
          e.path("sha256").asText(""), e.path("downloaded").asText(""), e.path("release").asText("")));
    });
    return new Manifest(files);
  }

  public Map<String, Entry> files() {
    return Map.copyOf(files);
  }

  public void put(String path, Entry entry) {
    files.put(path, entry);
  }

  public void write(Path dataDir) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode list = root.putObject("files");
    files.forEach((path, e) -> list.set(path, JSON.valueToTree(e)));
    Path target = dataDir.resolve(FILE_NAME);
    Path temp = dataDir.resolve(FILE_NAME + ".tmp");
    JSON.writeValue(temp.toFile(), root);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
