package org.detecta.data;

import org.detecta.SmallKb;
import org.detecta.cases.PhenopacketReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code data fetch} against a real local HTTP server serving the unit-test HPO fixture and a tiny zip. */
class DataFetcherTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  private final RangeFileServer server = startServer();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);

  @TempDir
  Path data;

  private static RangeFileServer startServer() {
    try {
      return new RangeFileServer().serve("/hpo/hp.json", SmallKb.ontology())
          .serve("/hpo/phenotype.hpoa", SmallKb.annotations());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<DataFetcher.Fetched> fetch(String base, String... only) throws IOException {
    return new DataFetcher(new HttpDownloader(logStream), logStream, CLOCK)
        .fetch(data, DataCatalog.select(Optional.of(base), Set.of(only)));
  }

  @Test
  void fetchesHpoThroughARedirectByteIdenticalAndRecordsItInTheManifest() throws Exception {
    fetch(server.baseUrl() + "/r/", "hpo");
    assertEquals(-1, Files.mismatch(SmallKb.ontology(), data.resolve("hpo/hp.json")));
    assertEquals(-1, Files.mismatch(SmallKb.annotations(), data.resolve("hpo/phenotype.hpoa")));
    assertFalse(Files.exists(data.resolve("hpo/hp.json.part")));
    Manifest.Entry ontology = Manifest.read(data).files().get("hpo/hp.json");
    assertEquals(HttpDownloader.sha256(SmallKb.ontology()), ontology.sha256());
    assertEquals(Files.size(SmallKb.ontology()), ontology.size());
    assertEquals("2023-01-27", ontology.release());                       // from meta.version
    assertEquals(server.baseUrl() + "/r/hpo/hp.json", ontology.url());
    assertEquals("2026-01-02T03:04:05Z", ontology.downloaded());
    assertEquals("hpo", ontology.source());
    assertEquals("2023-01-27", Manifest.read(data).files().get("hpo/phenotype.hpoa").release());  // from #date:
    assertTrue(server.requests().contains("/hpo/hp.json"), server.requests().toString());
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("(100%)"), log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void brokenConnectionKeepsOnlyThePartAndTheNextRunResumesWithARange() throws Exception {
    server.dropOnceAfter("/hpo/hp.json", 10_000);
    DownloadException e = assertThrows(DownloadException.class, () -> fetch(server.baseUrl(), "hpo"));
    assertTrue(e.getMessage().contains(server.baseUrl() + "/hpo/hp.json"), e.getMessage());
    assertTrue(e.getMessage().contains("run the command again to resume"), e.getMessage());
    assertFalse(Files.exists(data.resolve("hpo/hp.json")));
    long kept = Files.size(data.resolve("hpo/hp.json.part"));   // at most what was sent before the hang-up
    assertTrue(kept > 0 && kept <= 10_000, "part size " + kept);
    assertTrue(Manifest.read(data).files().isEmpty());

    fetch(server.baseUrl(), "hpo");
    assertTrue(server.requests().contains("/hpo/hp.json bytes=" + kept + "-"), server.requests().toString());
    assertEquals(-1, Files.mismatch(SmallKb.ontology(), data.resolve("hpo/hp.json")));
    assertFalse(Files.exists(data.resolve("hpo/hp.json.part")));
    assertEquals(HttpDownloader.sha256(SmallKb.ontology()), Manifest.read(data).files().get("hpo/hp.json").sha256());
  }

  @Test
  void stalledBodyTimesOutKeepsThePartAndResumes() throws Exception {
    server.stallOnceAfter("/hpo/hp.json", 7_000);
    // Generous for the headers (a cold JVM on a loaded machine), short for the stalled body.
    HttpDownloader impatient = new HttpDownloader(logStream, Duration.ofSeconds(30), Duration.ofMillis(1500));
    List<RemoteFile> files = DataCatalog.select(Optional.of(server.baseUrl()), Set.of("hpo"));
    DataFetcher fetcher = new DataFetcher(impatient, logStream, CLOCK);
    DownloadException e = assertThrows(DownloadException.class, () -> fetcher.fetch(data, files));
    assertTrue(e.getMessage().contains("(no data for 1500 ms)"), e.getMessage());
    assertEquals(7_000, Files.size(data.resolve("hpo/hp.json.part")));
    assertFalse(Thread.currentThread().isInterrupted());
    fetcher.fetch(data, files);
    assertTrue(server.requests().contains("/hpo/hp.json bytes=7000-"), server.requests().toString());
    assertEquals(-1, Files.mismatch(SmallKb.ontology(), data.resolve("hpo/hp.json")));
  }

  @Test
  void serverIgnoringRangeMakesTheDownloadStartAgain() throws Exception {
    Files.createDirectories(data.resolve("hpo"));
    Files.writeString(data.resolve("hpo/hp.json.part"), "stale bytes from another release");
    server.ignoreRange(true);
    fetch(server.baseUrl(), "hpo");
    assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("/hpo/hp.json bytes=")), server.requests().toString());
    assertEquals(-1, Files.mismatch(SmallKb.ontology(), data.resolve("hpo/hp.json")));
  }

  @Test
  void httpErrorNamesStatusAndUrlAndWritesNothing() {
    RangeFileServer empty = server;
    DownloadException e = assertThrows(DownloadException.class, () -> fetch(empty.baseUrl() + "/nothing-here", "hpo"));
    assertEquals("HTTP 404 from " + empty.baseUrl() + "/nothing-here/hpo/hp.json (not found: check the URL or --base-url)",
        e.getMessage());
    assertFalse(Files.exists(data.resolve("hpo/hp.json")));
    assertFalse(Files.exists(data.resolve(Manifest.FILE_NAME)));
  }

  @Test
  void unreachableServerNamesTheUrl() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    DownloadException e = assertThrows(DownloadException.class, () -> fetch("http://127.0.0.1:" + port, "hpo"));
    assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + port + "/hpo/hp.json: "), e.getMessage());
  }

  @Test
  void fileThatIsNotWhatItClaimsIsDiscardedNotUsed() throws Exception {
    Path fake = data.resolveSibling(data.getFileName() + "-fake.hpoa");
    Files.writeString(fake, "<html>rate limited</html>\n");
    server.serve("/hpo/phenotype.hpoa", fake);
    DownloadException e = assertThrows(DownloadException.class, () -> fetch(server.baseUrl(), "hpo"));
    assertTrue(e.getMessage().contains("is not valid") && e.getMessage().contains("phenotype.hpoa"), e.getMessage());
    assertFalse(Files.exists(data.resolve("hpo/phenotype.hpoa")));
    assertFalse(Files.exists(data.resolve("hpo/phenotype.hpoa.part")));
    assertTrue(Files.exists(data.resolve("hpo/hp.json")));                 // the valid file before it stays, recorded
    assertEquals(Set.of("hpo/hp.json"), Manifest.read(data).files().keySet());
    Files.delete(fake);
  }

  @Test
  void neverReplacesFilesItDidNotDownloadUnlessForced() throws Exception {
    Files.createDirectories(data.resolve("hpo"));
    Files.writeString(data.resolve("hpo/hp.json"), "curated by hand");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fetch(server.baseUrl(), "hpo"));
    assertTrue(e.getMessage().startsWith(data.resolve("hpo/hp.json") + " exists but was not downloaded by 'data fetch'"),
        e.getMessage());
    assertEquals("curated by hand", Files.readString(data.resolve("hpo/hp.json")));
    assertTrue(server.requests().isEmpty());
    new DataFetcher(new HttpDownloader(logStream), logStream, CLOCK)
        .fetch(data, DataCatalog.select(Optional.of(server.baseUrl()), Set.of("hpo")), true);
    assertEquals(-1, Files.mismatch(SmallKb.ontology(), data.resolve("hpo/hp.json")));
    fetch(server.baseUrl(), "hpo");   // now recorded in the manifest: a plain re-fetch replaces it
  }

  @Test
  void phenopacketZipIsUnpackedIntoPlaceAndReplacesTheOldTree(@TempDir Path work) throws Exception {
    Path zip = work.resolve("all_phenopackets.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String name : List.of("0.1.24/A/PMID_1_a.json", "0.1.24/B/PMID_2_b.json")) {
        out.putNextEntry(new ZipEntry(name));
        out.write(Files.readAllBytes(Path.of(getClass().getResource("/org/detecta/cases/tree/"
            + name.substring("0.1.24/".length())).toURI())));
        out.closeEntry();
      }
    }
    server.serve("/phenopackets/all_phenopackets.zip", zip);
    fetch(server.baseUrl(), "phenopackets");
    Files.createDirectories(data.resolve("phenopackets/OLD"));
    Files.writeString(data.resolve("phenopackets/OLD/stale.json"), "{}");
    fetch(server.baseUrl(), "phenopackets");                 // a second release replaces the whole tree
    assertFalse(Files.exists(data.resolve("phenopackets/OLD")));
    assertEquals(List.of("a", "b"), new PhenopacketReader().read(data.resolve("phenopackets")).cases().stream()
        .map(c -> c.id()).toList());
    assertEquals("0.1.24", Manifest.read(data).files().get("downloads/all_phenopackets.zip").release());
  }

  @Test
  void zipEntryEscapingTheFolderIsRefused(@TempDir Path work) throws Exception {
    Path zip = work.resolve("evil.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("../escaped.json"));
      out.write("{}".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    server.serve("/phenopackets/all_phenopackets.zip", zip);
    IOException e = assertThrows(IOException.class, () -> fetch(server.baseUrl(), "phenopackets"));
    assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());
    assertFalse(Files.exists(data.resolve("escaped.json")));
    assertFalse(Files.exists(data.resolve("phenopackets")));
  }

  @Test
  void unknownAndManualSourcesAreUsageErrors() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> DataCatalog.select(Optional.empty(), Set.of("omim")));
    assertEquals("Unknown data source 'omim'; choose from [hpo, phenopackets]", unknown.getMessage());
    IllegalArgumentException manual = assertThrows(IllegalArgumentException.class,
        () -> DataCatalog.select(Optional.empty(), Set.of("kaggle")));
    assertTrue(manual.getMessage().startsWith("Cannot download 'kaggle' automatically."), manual.getMessage());
  }

  @Test
  void officialUrlsAreTheLatestReleases() {
    List<RemoteFile> files = DataCatalog.select(Optional.empty(), Set.of());
    assertEquals("https://github.com/obophenotype/human-phenotype-ontology/releases/latest/download/hp.json",
        files.get(0).url().toString());
    assertEquals("https://github.com/obophenotype/human-phenotype-ontology/releases/latest/download/phenotype.hpoa",
        files.get(1).url().toString());
    assertEquals("https://github.com/monarch-initiative/phenopacket-store/releases/latest/download/all_phenopackets.zip",
        files.get(2).url().toString());
  }
}
