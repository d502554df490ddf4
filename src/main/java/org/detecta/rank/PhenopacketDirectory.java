package org.detecta.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One pass over a phenopacket directory for what the case reader does not keep: the disease labels
 * (names for diseases missing from the KB) and a digest of the directory (sorted relative paths + bytes).
 */
public record PhenopacketDirectory(Map<String, String> labels, String sha256, long bytes) {
  public static PhenopacketDirectory scan(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ObjectMapper mapper = new ObjectMapper();
    Map<String, String> labels = new HashMap<>();
    long total = 0;
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      total += content.length;
      digest.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      digest.update(content);
      try {
        for (JsonNode disease : mapper.readTree(content).path("diseases")) {
          String id = disease.path("term").path("id").asText("");
          String label = disease.path("term").path("label").asText("");
          if (!id.isEmpty() && !label.isEmpty()) {
            labels.putIfAbsent(id, label);
          }
        }
      } catch (IOException malformed) {
        // the case reader reports malformed files with their location; labels are best effort
      }
    }
    return new PhenopacketDirectory(labels, HexFormat.of().formatHex(digest.digest()), total);
  }
}
