package org.detecta.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.SharedData;
import org.detecta.registry.ModelVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interviewers are built ahead of the first request and dropped with the versions that stop being served. */
class InterviewersTest {
  private static ServedModel kaggle(int version) throws Exception {
    ModelVersion v = new ModelVersion("kaggle-symptoms", version, "0".repeat(64), 1, Instant.EPOCH, "run", "code",
        new ObjectMapper().readTree("{\"parameters\": {\"seed\": 42}}"), List.of("champion"), Map.of());
    return ServedModel.of(v, new TinyBayesFamily("kaggle-symptoms").load(TinyBayesFamily.fixture(), () -> null));
  }

  @Test
  void servedVersionsAreBuiltInTheBackgroundAndOldOnesDropped() throws Exception {
    Interviewers interviewers = new Interviewers(SharedData.dir(), org.detecta.text.SpanishLabels::empty);
    ServedModel v1 = kaggle(1);
    interviewers.prepareInBackground(List.of(v1));
    long deadline = System.currentTimeMillis() + 60_000;
    while (!interviewers.builtRefs().contains("kaggle-symptoms:1") && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(interviewers.forModel(v1).isPresent(), "the Kaggle interviewer, from the shared data");
    interviewers.prepareInBackground(List.of(kaggle(2)));
    assertTrue(!interviewers.builtRefs().contains("kaggle-symptoms:1"), "a version no longer served is dropped");
    assertEquals(Set.of("kaggle-symptoms:2"), waitFor(interviewers, "kaggle-symptoms:2"));
  }

  private static Set<String> waitFor(Interviewers interviewers, String ref) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!interviewers.builtRefs().contains(ref) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    return interviewers.builtRefs();
  }
}
