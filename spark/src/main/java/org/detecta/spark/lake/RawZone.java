package org.detecta.spark.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The raw zone: every source file exactly as received, stored once by content ({@code raw/objects/<sha256>},
 * never rewritten) and listed in an immutable manifest per snapshot ({@code raw/snapshots/snapshot-NNNNNN.json}:
 * path, source, sha256, size, release, ingest time). A new snapshot is written only when some file is new or
 * changed; re-ingesting unchanged files is a no-op. Works on any Hadoop file system (local, HDFS, s3a); every
 * file is written under a temporary name and renamed into place.
 */
public final class RawZone {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

  private final FileSystem fs;
  private final org.apache.hadoop.fs.Path root;

  public RawZone(String lake, Configuration conf) throws IOException {
    this.root = new org.apache.hadoop.fs.Path(lake, "raw");
    this.fs = root.getFileSystem(conf);
  }

  /** One file of a snapshot. {@code ingestedAt} is when this exact content was first ingested. */
  public record Entry(String path, String source, String sha256, long size, String release, String ingestedAt) {
  }

  /** The outcome: the current snapshot, whether this ingest made it, and what changed. */
  public record Result(String snapshot, boolean created, List<Entry> files, List<String> changed) {
  }

  public Result ingest(Path dataDir) throws IOException {
    Optional<JsonNode> previous = latest();
    Map<String, Entry> before = new LinkedHashMap<>();
    previous.ifPresent(p -> p.path("files").forEach(f -> before.put(f.path("path").asText(),
        new Entry(f.path("path").asText(), f.path("source").asText(), f.path("sha256").asText(), f.path("size").asLong(),
            f.path("release").asText(), f.path("ingestedAt").asText()))));
    String now = Instant.now().toString();
    List<Entry> files = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(dataDir)) {
      sources = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : sources) {
      String relative = dataDir.relativize(file).toString().replace('\\', '/');
      String sha = sha256(file);
      Entry old = before.get(relative);
      if (old != null && old.sha256().equals(sha)) {
        files.add(old);
        continue;
      }
      storeObject(file, sha);
      files.add(new Entry(relative, relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "",
          sha, Files.size(file), release(file), now));
      changed.add(relative);
    }
    before.keySet().stream().filter(p -> files.stream().noneMatch(f -> f.path().equals(p))).forEach(p -> changed.add(p + " (removed)"));
    if (previous.isPresent() && changed.isEmpty()) {
      return new Result(previous.get().path("snapshot").asText(), false, files, changed);
    }
    int number = previous.map(p -> p.path("number").asInt()).orElse(0) + 1;
    String snapshot = String.format(Locale.ROOT, "raw-%06d", number);
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("snapshot", snapshot);
    manifest.put("number", number);
    manifest.put("createdAt", now);
    manifest.put("dataDir", dataDir.toString());
    previous.ifPresent(p -> manifest.put("parent", p.path("snapshot").asText()));
    ArrayNode list = manifest.putArray("files");
    files.forEach(f -> list.add(JSON.valueToTree(f)));
    writeAtomically(new org.apache.hadoop.fs.Path(root, "snapshots/snapshot-" + String.format(Locale.ROOT, "%06d", number) + ".json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    return new Result(snapshot, true, files, changed);
  }

  /** The newest snapshot manifest, if any. */
  public Optional<JsonNode> latest() throws IOException {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root, "snapshots");
    if (!fs.exists(dir)) {
      return Optional.empty();
    }
    FileStatus newest = null;
    for (FileStatus status : fs.listStatus(dir)) {
      String name = status.getPath().getName();
      if (name.startsWith("snapshot-") && name.endsWith(".json")
          && (newest == null || name.compareTo(newest.getPath().getName()) > 0)) {
        newest = status;
      }
    }
    if (newest == null) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(newest.getPath())) {
      return Optional.of(JSON.readTree(in));
    }
  }

  private void storeObject(Path file, String sha) throws IOException {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(root, "objects/" + sha);
    if (fs.exists(target)) {
      return; // content-addressed: the same bytes are already stored
    }
    org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(root, "objects/." + sha + ".tmp-" + UUID.randomUUID());
    try (InputStream in = Files.newInputStream(file); FSDataOutputStream out = fs.create(temp, false)) {
      in.transferTo(out);
    }
    if (!fs.rename(temp, target) && !fs.exists(target)) {
      throw new IOException("cannot move " + temp + " to " + target);
    }
    fs.delete(temp, false);
  }

  private void writeAtomically(org.apache.hadoop.fs.Path target, byte[] bytes) throws IOException {
    org.apache.hadoop.fs.Path temp = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
    try (OutputStream out = fs.create(temp, false)) {
      out.write(bytes);
    }
    if (!fs.rename(temp, target)) {
      fs.delete(temp, false);
      throw new IOException("cannot commit " + target + " (another ingest wrote it first?)");
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A date the file states about itself (hpoa {@code #date:}, hp.json version), else its modification date. */
  static String release(Path file) throws IOException {
    byte[] head = new byte[4096];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String text = new String(head, 0, n, StandardCharsets.UTF_8);
    for (String key : List.of("#date:", "\"version\"", "releases/")) {
      int at = text.indexOf(key);
      if (at >= 0) {
        Matcher m = DATE.matcher(text.substring(at, Math.min(text.length(), at + 200)));
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    return "modified " + Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
