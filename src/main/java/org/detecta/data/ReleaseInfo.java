package org.detecta.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Checks that a downloaded file is what it claims to be and reads its release: the {@code #date:} header of
 * {@code phenotype.hpoa}, the date in {@code meta.version} of {@code hp.json}, the top folder of the
 * phenopacket-store zip. A check failing means the download is not used.
 */
final class ReleaseInfo {
  private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReleaseInfo() {
  }

  /** The release of a finished download, or an exception explaining why the file is not a valid one. */
  static String verify(RemoteFile file, Path downloaded) throws IOException {
    String name = file.fileName();
    if (name.endsWith(".hpoa")) {
      return hpoaDate(downloaded);
    }
    if (name.equals("hp.json")) {
      return oboGraphVersion(downloaded);
    }
    if (name.endsWith(".zip")) {
      return zipRelease(downloaded);
    }
    return "";
  }

  /** {@code #date: 2023-01-27} among the header lines; the first data line must have 12 tab-separated columns. */
  static String hpoaDate(Path file) throws IOException {
    String date = null;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#date:")) {
          date = line.substring("#date:".length()).trim();
        } else if (!line.startsWith("#") && !line.startsWith("DatabaseID") && !line.isBlank()) {
          if (line.split("\t", -1).length != 12) {
            throw new IOException(file.getFileName() + " is not a 12-column HPOA file (first data line has "
                + line.split("\t", -1).length + " columns)");
          }
          break;
        }
      }
    }
    if (date == null) {
      throw new IOException(file.getFileName() + " has no '#date:' header: not an HPOA annotation file");
    }
    return date;
  }

  /** The date in {@code graphs[0].meta.version}, e.g. {@code .../releases/2023-01-27/hp.json}; the whole value if none. */
  static String oboGraphVersion(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file.getFileName() + " is not OBO-Graph JSON (no top-level object)");
      }
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          if ("version".equals(field) && value == JsonToken.VALUE_STRING && depth == 3) {
            String version = parser.getText();
            Matcher date = DATE.matcher(version);
            return date.find() ? date.group(1) : version;
          }
          if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            if ("nodes".equals(field) || "edges".equals(field) || "propertyChainAxioms".equals(field)
                || "basicPropertyValues".equals(field) || "logicalDefinitionAxioms".equals(field)) {
              parser.skipChildren();
            } else {
              depth++;
            }
          }
        } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(file.getFileName() + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    throw new IOException(file.getFileName() + " has no graphs[0].meta.version: not an HPO OBO-Graph release");
  }

  /** A readable zip; its single top-level folder name (the phenopacket-store release, e.g. 0.1.24) if there is one. */
  static String zipRelease(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Optional<String> top = zip.stream().map(e -> e.getName().split("/", 2)[0]).distinct()
          .reduce((a, b) -> "");
      if (zip.size() == 0) {
        throw new IOException(file.getFileName() + " is an empty zip archive");
      }
      return top.orElse("");
    } catch (java.util.zip.ZipException e) {
      throw new IOException(file.getFileName() + " is not a valid zip archive: " + e.getMessage(), e);
    }
  }
}
