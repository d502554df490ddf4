package org.detecta.cli;

import org.detecta.data.DataCatalog;
import org.detecta.data.DataFetcher;
import org.detecta.data.HttpDownloader;
import org.detecta.data.RemoteFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code detecta data fetch}: downloads the newest public releases into the data directory. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = {
        "Download the newest public data into the data directory: resumable (run again after an interruption),"
            + " atomic (a file is moved into place only when complete and verified), each file's URL, size, sha256,"
            + " download time and release recorded in <data>/MANIFEST.json. Progress goes to stderr.",
        "Sources: hpo (hp.json and phenotype.hpoa, latest HPO release on GitHub), phenopackets (phenopacket-store"
            + " latest all_phenopackets.zip, unpacked into <data>/phenopackets/).",
        "Not downloadable automatically (no stable anonymous URL): ddxplus (figshare article 20043374) and kaggle"
            + " (needs a Kaggle account); put their files into <data>/ddxplus/ and <data>/kaggle-disease-symptom/."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all files fetched", "1:a download failed (HTTP status, network, invalid file; URL named)",
        "2:usage error, or a file not downloaded by 'data fetch' would be replaced (see --force)"})
public final class DataFetchCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--only", split = ",", paramLabel = "SOURCE",
      description = "Sources to fetch, comma-separated: hpo, phenopackets (default: all)")
  List<String> only = List.of();

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Fetch every file from URL/<path in data dir> (a mirror, or a test server) instead of the"
          + " official locations (default: $" + DataCatalog.BASE_URL_ENV + ", else the official URLs)")
  String baseUrl;

  @Option(names = "--force", description = "Replace existing files that were not downloaded by 'data fetch'"
      + " (not recorded in MANIFEST.json); without it such files are left alone and the command stops")
  boolean force;

  @Override
  public Integer call() throws Exception {
    common.detecta();
    Path data = common.paths().data();
    Optional<String> base = Optional.ofNullable(baseUrl)
        .or(() -> Optional.ofNullable(org.detecta.config.Environment.current().get(DataCatalog.BASE_URL_ENV)))
        .filter(s -> !s.isBlank());
    base.ifPresent(DataFetchCommand::requireHttp);
    Set<String> sources = new LinkedHashSet<>();
    only.forEach(s -> sources.add(s.trim().toLowerCase(Locale.ROOT)));
    List<RemoteFile> files = DataCatalog.select(base, sources);
    System.err.println("data directory: " + data);
    new DataFetcher(new HttpDownloader(System.err), System.err, Clock.systemUTC()).fetch(data, files, force);
    System.err.println("done: " + files.size() + " file(s) fetched; see " + data.resolve("MANIFEST.json"));
    return ExitCodes.OK;
  }

  private static void requireHttp(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--base-url '" + url + "' is not a URL");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("--base-url '" + url + "' must start with http:// or https://");
    }
  }
}
