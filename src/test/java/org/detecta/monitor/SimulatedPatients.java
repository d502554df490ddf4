package org.detecta.monitor;

import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.Query;
import org.detecta.registry.ModelVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Simulated patients in the tiny model's vocabulary, drawn from a population (one probability per symptom), and their
 * replay through a model into a real prediction log.
 */
final class SimulatedPatients {
  static final String[] SYMPTOMS = {"HP:0001945", "cough", "headache", "fatigue", "itching", "skin_rash",
      "sneezing", "nausea", "vomiting", "diarrhoea", "blurred_vision"};
  /** The usual case mix. */
  static final double[] POPULATION = {0.3, 0.3, 0.3, 0.2, 0.2, 0.15, 0.15, 0.15, 0.1, 0.1, 0.1};
  /** A gastro outbreak: the usual mix shifted towards nausea, vomiting and diarrhoea. */
  static final double[] OUTBREAK = {0.05, 0.05, 0.3, 0.05, 0.2, 0.15, 0.15, 0.6, 0.6, 0.6, 0.1};

  private SimulatedPatients() {
  }

  /** A patient whose findings each appear with the population's probability (at least one finding). */
  static List<String> patient(Random random, double[] rates) {
    List<String> observed = new ArrayList<>();
    for (int i = 0; i < SYMPTOMS.length; i++) {
      if (random.nextDouble() < rates[i]) {
        observed.add(SYMPTOMS[i]);
      }
    }
    if (observed.isEmpty()) {
      observed.add(SYMPTOMS[random.nextInt(SYMPTOMS.length)]);
    }
    return observed;
  }

  /** Logs {@code n} patients of the population with the model's top-3 differential, 1 ms apart from {@code start}. */
  static void replay(PredictionLog log, DiagnosticModel model, ModelVersion version, Random random, double[] rates, int n,
                     Instant start) {
    for (int i = 0; i < n; i++) {
      List<String> observed = patient(random, rates);
      Differential d = model.diagnose(Query.of(observed, List.of()), 3);
      log.record(new LoggedPrediction(UUID.randomUUID().toString(), start.plusMillis(i), version.name(), version.version(),
          observed, List.of(), d.candidates().stream().map(c -> new LoggedPrediction.Ranked(c.id(), c.probability())).toList(), 1.0));
    }
    log.flush(Duration.ofSeconds(10));
  }
}
