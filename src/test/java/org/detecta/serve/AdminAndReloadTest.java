package org.detecta.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.registry.ModelVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Alias moves through the admin API reload at once; moves made elsewhere are picked up by the poll. */
class AdminAndReloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void championMovesAreServed(@TempDir Path tmp) throws Exception {
    try (TestServer server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of())) {
      ModelVersion v2 = server.register(new TinyBayesFamily("tiny"));
      server.registry.setAlias("tiny", 1, "champion", "test"); // back to 1 before the poll notices 2
      assertEquals(401, server.send("POST", "/api/v1/admin/reload", null, null, Optional.empty()).statusCode());
      String body = "{\"version\": " + v2.version() + "}";
      assertEquals(403, server.send("PUT", "/api/v1/models/tiny/aliases/champion", body, "application/json",
          Optional.of("not-the-token")).statusCode());
      var moved = server.send("PUT", "/api/v1/models/tiny/aliases/champion", body, "application/json",
          Optional.of(TestServer.TOKEN));
      assertEquals(200, moved.statusCode(), moved.body());
      assertEquals(2, JSON.readTree(server.get("/api/v1/models").body()).get("models").get(0).get("version").asInt());

      ModelVersion v3 = server.register(new TinyBayesFamily("tiny")); // moved directly in the registry
      long deadline = System.currentTimeMillis() + 10_000;
      int served = 0;
      while (System.currentTimeMillis() < deadline && served != v3.version()) {
        Thread.sleep(200);
        served = JSON.readTree(server.get("/api/v1/models").body()).get("models").get(0).get("version").asInt();
      }
      assertEquals(v3.version(), served);
      assertEquals(404, server.send("PUT", "/api/v1/models/tiny/aliases/champion", "{\"version\": 99}",
          "application/json", Optional.of(TestServer.TOKEN)).statusCode());
    }
  }
}
