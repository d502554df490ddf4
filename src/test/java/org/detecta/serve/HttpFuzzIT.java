package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ≥ 10,000 seeded random and malformed requests ({@link RequestFuzzer}) against every route of the real server
 * (H2 registry, real HPO and Spanish vocabulary, the tiny model): no 5xx, every API answer carries the security
 * headers, the server keeps serving, and nothing is stored except by the requests that were accepted (rows of
 * every table counted before and after). Counts per status go to stdout and {@code target/reliability/fuzz.json}.
 * {@code -Ddetecta.fuzz.seed=N -Ddetecta.fuzz.requests=N} to vary.
 */
class HttpFuzzIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TABLES = List.of("prediction_log", "prediction_feedback", "model_version",
      "model_alias", "model_tag", "audit_log", "training_run");
  private static final int THREADS = 4;
  private static final int MAX_BODY = 65_536;

  @Test
  void randomAndMalformedRequestsNeverFailTheServerNorStoreAnything(@TempDir Path tmp) throws Exception {
    long seed = Long.getLong("detecta.fuzz.seed", 20261123L);
    int total = Integer.getInteger("detecta.fuzz.requests", 10_000);
    try (TestServer server = new TestServer(tmp.resolve("home"), org.detecta.SharedData.dir(),
        Map.of("DETECTA_MAX_CONCURRENT", "64",
        "DETECTA_MAX_BODY_BYTES", Integer.toString(MAX_BODY)))) {
      List<String> routes = server.server.http().routes();
      Map<String, Long> before = rows(server);
      Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
      Map<String, Integer> perRoute = Collections.synchronizedMap(new TreeMap<>());
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger stored = new AtomicInteger();
      AtomicInteger feedback = new AtomicInteger();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        RequestFuzzer fuzzer = new RequestFuzzer(seed + t, routes, TestServer.TOKEN);
        int count = total / THREADS + (t < total % THREADS ? 1 : 0);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build(); // one per thread: its connections follow its requests
        jobs.add(pool.submit(() -> {
          RequestFuzzer.FuzzRequest previous = null;
          for (int i = 0; i < count; i++) {
            RequestFuzzer.FuzzRequest request = fuzzer.next();
            int status;
            try {
              status = request.raw() != null ? sendRaw(server.server.port(), request.raw())
                  : send(client, server, request, stored, feedback, failures);
            } catch (java.io.IOException e) {
              // An oversized body may be answered 413 and the connection closed while the client still uploads.
              // ... or the connection is closed after such an answer while the client reuses it for the next request.
              status = oversized(request) || oversized(previous) ? -3 : -2;
              if (status == -2) {
                failures.add("client error " + e + " for " + describe(request) + " after " + describe(previous));
              }
            }
            previous = request;
            statuses.merge(status, 1, Integer::sum);
            perRoute.merge(request.route() + " → " + status, 1, Integer::sum);
            if (status >= 500 || status == -2) {
              failures.add(status + " for " + describe(request));
            }
          }
          return null;
        }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - start) / 1e9;

      server.server.predictionLog().flush(Duration.ofSeconds(10));
      Map<String, Long> after = rows(server);
      ObjectNode figures = JSON.createObjectNode();
      figures.put("seed", seed).put("requests", total).put("seconds", Math.round(seconds * 10) / 10.0)
          .put("acceptedAndStored", stored.get()).put("feedbackRecorded", feedback.get());
      ObjectNode byStatus = figures.putObject("statuses");
      statuses.forEach((s, n) -> byStatus.put(s == -1 ? "closed without answer (malformed HTTP)"
          : s == -3 ? "connection closed around an oversized body" : Integer.toString(s), n));
      figures.set("rowsBefore", JSON.valueToTree(before));
      figures.set("rowsAfter", JSON.valueToTree(after));
      figures.set("perRouteAndStatus", JSON.valueToTree(perRoute));
      Path out = Path.of("target", "reliability");
      Files.createDirectories(out);
      Files.writeString(out.resolve("fuzz.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
      System.out.println("FUZZ " + JSON.writeValueAsString(figures.deepCopy().without("perRouteAndStatus")));

      // still serving, and serving correctly
      assertEquals(200, server.get("/v2/health/ready").statusCode());
      HttpResponse<String> ok = server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"itching\", \"sneezing\"]}");
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals("TINY:ALLERGY", JSON.readTree(ok.body()).path("candidates").get(0).path("id").asText());

      assertEquals(total, statuses.values().stream().mapToInt(Integer::intValue).sum());
      assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.subList(0, Math.min(10, failures.size())));
      assertTrue(statuses.keySet().stream().noneMatch(s -> s >= 500), "5xx answers: " + statuses);
      assertEquals(before.get("prediction_log") + stored.get(), after.get("prediction_log"),
          "prediction rows other than those of accepted, consented requests");
      assertEquals(before.get("prediction_feedback") + feedback.get(), after.get("prediction_feedback"));
      for (String table : TABLES.subList(2, TABLES.size())) {
        assertEquals(before.get(table), after.get(table), table + " changed under fuzzing");
      }
    }
  }

  private static int send(HttpClient client, TestServer server, RequestFuzzer.FuzzRequest r, AtomicInteger stored,
                          AtomicInteger feedback, List<String> failures) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(r.path()))).timeout(Duration.ofSeconds(30))
        .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
    if (r.contentType() != null && !r.contentType().isEmpty()) {
      b.header("Content-Type", r.contentType());
    }
    if (r.token() != null) {
      b.header("Authorization", "Bearer " + r.token());
    }
    HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (r.path().startsWith("/api/") || r.path().startsWith("/v2/")) {
      boolean headers = "nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse(""))
          && response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'");
      if (!headers) {
        failures.add("missing security headers on " + status + " for " + describe(r));
      }
    }
    if (status / 100 == 2 && !"HEAD".equals(r.method()) && response.body().startsWith("{")) {
      JsonNode id = JSON.readTree(response.body()).findValue("predictionId");
      if (id != null && id.isTextual()) {
        stored.incrementAndGet();
      }
      if (r.path().equals("/api/v1/feedback") && status == 201) {
        feedback.incrementAndGet();
      }
    }
    return status;
  }

  /** Writes malformed HTTP on a socket; the status of the answer, or -1 when the server just closes. */
  private static int sendRaw(int port, byte[] request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      String line = new String(head, StandardCharsets.ISO_8859_1);
      in.readAllBytes();
      return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
    }
  }

  private static boolean oversized(RequestFuzzer.FuzzRequest r) {
    return r != null && r.body() != null && r.body().length > MAX_BODY;
  }

  private static String describe(RequestFuzzer.FuzzRequest r) {
    if (r == null) {
      return "nothing";
    }
    String body = r.raw() != null ? new String(r.raw(), StandardCharsets.ISO_8859_1)
        : r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8);
    return r.route() + " as " + r.method() + " " + DiagnoseRequest.abbreviate(r.path()) + " [" + r.contentType() + "] "
        + (body.length() > 200 ? body.substring(0, 200) + "…(" + body.length() + ")" : body);
  }

  private static Map<String, Long> rows(TestServer server) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = server.registry.database().connection(); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          out.put(table, rs.getLong(1));
        }
      }
    }
    return out;
  }
}
