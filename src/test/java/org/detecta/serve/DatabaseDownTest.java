package org.detecta.serve;

import org.detecta.cases.Sex;
import org.detecta.monitor.PredictionLog;
import org.detecta.pipeline.ModelCatalog;
import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.StorageUnavailableException;
import org.detecta.registry.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the log's database unreachable, diagnoses still come from the loaded model; writes fail clearly. */
class DatabaseDownTest {
  @Test
  void diagnosesContinueAndWritesFailWith503Semantics(@TempDir Path home) throws Exception {
    ModelRegistry registry = TestRegistries.embedded(home);
    TinyBayesFamily family = new TinyBayesFamily("tiny");
    family.registerChampion(registry);
    ModelService models = new ModelService(registry, new ModelCatalog(List.of(family)), () -> null, "tiny");
    models.reload();
    try (PredictionLog down = new PredictionLog(new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/none", "x", "y"))) {
      DiagnoseService service = new DiagnoseService(models, new FindingResolver(new Vocabulary()), down, (m, v, c, l) -> { });
      DiagnoseService.QueryContext context = new DiagnoseService.QueryContext(Sex.UNKNOWN, Optional.empty());
      service.run(Optional.empty(), List.of("cough"), List.of(), context, 3, true);
      StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
          () -> down.addFeedback("00000000-0000-0000-0000-000000000000", "TINY:FLU"));
      assertTrue(e.getMessage().contains("database is unavailable"), e.getMessage());
      assertFalse(down.healthy());
      DiagnoseResult result = service.run(Optional.empty(), List.of("itching", "sneezing"), List.of(), context, 3, true);
      assertEquals("TINY:ALLERGY", result.candidates().get(0).id());
      assertTrue(result.predictionId().isEmpty(), "a prediction claimed to be stored while the database is down");
    }
  }
}
