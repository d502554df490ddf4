package org.detecta.data;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each public data source the readers support is published. Official URLs point at the newest release;
 * with a base URL (a mirror, or a test server) every file is fetched from {@code BASE/<path in data dir>} instead,
 * e.g. {@code BASE/hpo/hp.json}, so a mirror is simply a copy of a data directory.
 */
public final class DataCatalog {
  /** Environment variable that overrides the download location, like {@code --base-url}. */
  public static final String BASE_URL_ENV = "DETECTA_DATA_BASE_URL";

  private static final String HPO = "https://github.com/obophenotype/human-phenotype-ontology/releases/latest/download/";
  private static final String PHENOPACKET_STORE =
      "https://github.com/monarch-initiative/phenopacket-store/releases/latest/download/all_phenopackets.zip";

  /** Sources that have no stable direct-download URL, and how a user gets them. */
  public static final Map<String, String> MANUAL = Map.of(
      "ddxplus", "DDXPlus (CC-BY 4.0) is published as figshare article 20043374 (https://figshare.com/articles/dataset/"
          + "DDXPlus_Dataset/20043374) without stable per-file URLs: download release_evidences.json, "
          + "release_conditions.json and the patient files by hand into <data>/ddxplus/",
      "kaggle", "The Kaggle 'Disease Symptom Prediction' set needs a Kaggle account (no anonymous URL): download it "
          + "by hand into <data>/kaggle-disease-symptom/");

  private DataCatalog() {
  }

  /** Every downloadable file, by source, in download order. */
  public static Map<String, List<RemoteFile>> sources(Optional<String> baseUrl) {
    Map<String, List<RemoteFile>> sources = new LinkedHashMap<>();
    sources.put("hpo", List.of(
        file(baseUrl, "hpo", "hpo/hp.json", HPO + "hp.json", ""),
        file(baseUrl, "hpo", "hpo/phenotype.hpoa", HPO + "phenotype.hpoa", "")));
    sources.put("phenopackets", List.of(
        file(baseUrl, "phenopackets", "downloads/all_phenopackets.zip", PHENOPACKET_STORE, "phenopackets")));
    return sources;
  }

  /** The files of the chosen sources ({@code only} empty = all); unknown or manual-only names are an error. */
  public static List<RemoteFile> select(Optional<String> baseUrl, Set<String> only) {
    Map<String, List<RemoteFile>> sources = sources(baseUrl);
    List<RemoteFile> files = new ArrayList<>();
    for (String name : only) {
      if (MANUAL.containsKey(name)) {
        throw new IllegalArgumentException("Cannot download '" + name + "' automatically. " + MANUAL.get(name));
      }
      if (!sources.containsKey(name)) {
        throw new IllegalArgumentException("Unknown data source '" + name + "'; choose from " + sources.keySet());
      }
    }
    sources.forEach((name, list) -> {
      if (only.isEmpty() || only.contains(name)) {
        files.addAll(list);
      }
    });
    return files;
  }

  private static RemoteFile file(Optional<String> baseUrl, String source, String path, String official, String unpackTo) {
    String url = baseUrl.map(base -> (base.endsWith("/") ? base : base + "/") + mirrorPath(path)).orElse(official);
    try {
      return new RemoteFile(source, path, URI.create(url), unpackTo);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a valid download URL: '" + url + "' (from the base URL "
          + baseUrl.orElse("") + ")", e);
    }
  }

  /** On a mirror the phenopacket zip sits in its source folder: {@code BASE/phenopackets/all_phenopackets.zip}. */
  private static String mirrorPath(String path) {
    return path.startsWith("downloads/") ? "phenopackets/" + path.substring("downloads/".length()) : path;
  }
}
