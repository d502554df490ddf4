package org.detecta.monitor;

import org.detecta.registry.ModelRegistry;
import org.detecta.registry.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live accuracy reads a model's newest feedback every minute: the embedded database must answer it from the
 * feedback index, not by walking every logged prediction of the model (which grows with traffic, for ever).
 */
class FeedbackQueryPlanTest {

  @Test
  void newestFeedbackIsReadFromTheFeedbackIndex(@TempDir Path home) throws Exception {
    ModelRegistry registry = TestRegistries.embedded(home);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    try (PredictionLog log = new PredictionLog(registry.database().config())) {
      for (int i = 0; i < 3_000; i++) {
        log.record(new LoggedPrediction(String.format("00000000-0000-4000-8000-%012d", i), t0.plusMillis(i), "kaggle", 1,
            List.of("itching"), List.of(), List.of(new LoggedPrediction.Ranked("Fungal infection", 0.9)), 1.0));
      }
      log.flush(Duration.ofSeconds(30));
      assertTrue(log.addFeedback(String.format("00000000-0000-4000-8000-%012d", 7), "Acne"));
      assertTrue(log.addFeedback(String.format("00000000-0000-4000-8000-%012d", 2_999), "Fungal infection"));
      List<PredictionLog.Feedback> feedback = log.feedback("kaggle", 10);
      assertEquals(List.of("Fungal infection", "Acne"), feedback.stream().map(PredictionLog.Feedback::confirmed).toList(),
          "newest first");

      String plan;
      try (Connection c = registry.database().connection();
           PreparedStatement s = c.prepareStatement("EXPLAIN " + PredictionLog.FEEDBACK_OF_MODEL)) {
        s.setString(1, "kaggle");
        s.setInt(2, 10);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          plan = rs.getString(1).toUpperCase(Locale.ROOT);
        }
      }
      int feedbackScan = plan.indexOf("PREDICTION_FEEDBACK_MODEL");
      int predictionLookup = plan.indexOf("PRIMARY_KEY");
      assertTrue(feedbackScan >= 0 && predictionLookup > feedbackScan,
          "feedback first, by its (model, time) index; each prediction by its key:\n" + plan);
    }
  }
}
