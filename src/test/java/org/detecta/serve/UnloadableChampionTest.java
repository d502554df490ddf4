package org.detecta.serve;

import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A champion this build cannot load (e.g. an artifact format from another build) keeps the server unready and
 * named, instead of a server that says ready while a model is missing; the poll does not retry it forever.
 */
class UnloadableChampionTest {

  /** A family whose loads fail until {@link #mend} is called, as after retraining with a readable format. */
  private static final class UnloadableFamily implements ModelFamily {
    private final TinyBayesFamily delegate = new TinyBayesFamily("broken");
    private volatile boolean mended;

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public boolean canTrain(Path dataDir) {
      return true;
    }

    @Override
    public TrainedModel train(TrainingContext context) throws IOException {
      return delegate.train(context);
    }

    @Override
    public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws IOException {
      if (!mended) {
        throw new IOException("not a broken/2 artifact (format: broken/1)");
      }
      return delegate.load(artifact, knowledgeBase);
    }

    void mend() {
      mended = true;
    }
  }

  @Test
  void aChampionThatCannotLoadIsNamedAndKeepsTheServerUnready(@TempDir Path tmp) throws Exception {
    UnloadableFamily broken = new UnloadableFamily();
    ModelRegistry registry = TestRegistries.embedded(tmp.resolve("home"));
    {
      new TinyBayesFamily("tiny").registerChampion(registry);
      new TinyBayesFamily("broken").registerChampion(registry);
      ModelService models = new ModelService(registry, new ModelCatalog(List.of(new TinyBayesFamily("tiny"), broken)),
          () -> null, "tiny");

      assertEquals(List.of("tiny:1"), models.reload());
      assertTrue(models.ready(), "the load finished");
      assertEquals(Map.of("broken:1", "not a broken/2 artifact (format: broken/1)"), models.unavailable());
      assertFalse(models.championsMoved(), "the same failing version is not reloaded by every poll");

      broken.mend();
      assertEquals(java.util.Set.of("tiny:1", "broken:1"), java.util.Set.copyOf(models.reload()), "an explicit reload retries it");
      assertTrue(models.unavailable().isEmpty());

      new TinyBayesFamily("broken").registerChampion(registry);
      assertTrue(models.championsMoved(), "a moved alias is noticed");
    }
  }

  @Test
  void readinessNamesTheChampionThatFailed(@TempDir Path tmp) throws Exception {
    UnloadableFamily broken = new UnloadableFamily();
    try (TestServer server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of(), 0,
        new TinyBayesFamily("tiny"), List.of(broken))) {
      assertEquals(200, server.get("/v2/models/tiny/ready").statusCode());
      var ready = server.get("/v2/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("\"model\":\"broken:1\"") && ready.body().contains("broken/1"), ready.body());
      var model = server.get("/v2/models/broken/ready");
      assertEquals(503, model.statusCode());
      assertTrue(model.body().contains("\"ready\":false"), model.body());
      assertEquals(404, server.get("/v2/models/no-such-model/ready").statusCode(), "an unknown name is not 'not ready'");
      assertEquals(200, server.post("/api/v1/diagnose", "{\"consent\": true, \"observed\": [\"cough\"], \"model\": \"tiny\"}")
          .statusCode(), "the other models keep serving");

      broken.mend();
      assertEquals(200, server.send("POST", "/api/v1/admin/reload", null, null,
          java.util.Optional.of(TestServer.TOKEN)).statusCode());
      assertEquals(200, server.get("/v2/health/ready").statusCode());
    }
  }
}
