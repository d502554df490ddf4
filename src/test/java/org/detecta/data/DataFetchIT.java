package org.detecta.data;

import org.detecta.SharedData;
import org.detecta.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./detecta data fetch} end to end: the real HPO release served by a local HTTP server (no internet here). */
class DataFetchIT {
  @Test
  void fetchesTheRealHpoReleaseResumingAfterADroppedConnection(@TempDir Path data) throws Exception {
    Path ontology = SharedData.path("hpo/hp.json");
    Path annotations = SharedData.path("hpo/phenotype.hpoa");
    try (RangeFileServer server = new RangeFileServer().serve("/hpo/hp.json", ontology)
        .serve("/hpo/phenotype.hpoa", annotations).dropOnceAfter("/hpo/phenotype.hpoa", 12_345_678)) {
      String[] args = {"data", "fetch", "--data", data.toString(), "--base-url", server.baseUrl(), "--only", "hpo"};
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      assertEquals(1, run(stderr, args));
      String message = stderr.toString(StandardCharsets.UTF_8);
      assertTrue(message.contains("detecta: download of " + server.baseUrl() + "/hpo/phenotype.hpoa broke off after"),
          message);
      assertEquals(-1, Files.mismatch(ontology, data.resolve("hpo/hp.json")));          // the first file is complete
      assertFalse(Files.exists(data.resolve("hpo/phenotype.hpoa")));                    // the second never half-written
      long kept = Files.size(data.resolve("hpo/phenotype.hpoa.part"));   // what arrived before the hang-up
      assertTrue(kept > 0 && kept <= 12_345_678, "part size " + kept);

      assertEquals(0, run(new ByteArrayOutputStream(), args));
      assertTrue(server.requests().contains("/hpo/phenotype.hpoa bytes=" + kept + "-"), server.requests().toString());
      assertEquals(-1, Files.mismatch(annotations, data.resolve("hpo/phenotype.hpoa")));
      Manifest manifest = Manifest.read(data);
      assertEquals(HttpDownloader.sha256(annotations), manifest.files().get("hpo/phenotype.hpoa").sha256());
      assertEquals(HttpDownloader.sha256(ontology), manifest.files().get("hpo/hp.json").sha256());
      assertEquals("2023-01-27", manifest.files().get("hpo/phenotype.hpoa").release());
      assertEquals("2023-01-27", manifest.files().get("hpo/hp.json").release());
      assertEquals(Files.size(annotations), manifest.files().get("hpo/phenotype.hpoa").size());
    }
  }

  private static int run(ByteArrayOutputStream stderr, String... args) {
    PrintStream saved = System.err;
    try {
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      return Main.run(args);
    } finally {
      System.setErr(saved);
    }
  }
}
