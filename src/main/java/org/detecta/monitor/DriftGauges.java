package org.detecta.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.detecta.serve.ServedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Prometheus gauges per served model, refreshed by {@link #refresh} (every minute in the server):
 * {@code detecta_drift_psi{model,kind=findings|classes}}, {@code detecta_drift_chi2_p{model,kind}},
 * {@code detecta_drift_alarm{model}} (1 = drifted) and {@code detecta_live_accuracy{model,k=1|3}}.
 * NaN until there is a reference window or feedback.
 */
public final class DriftGauges {
  private static final Logger LOG = LoggerFactory.getLogger(DriftGauges.class);
  private final MeterRegistry registry;
  private final MonitorService monitor;
  private final Supplier<Collection<ServedModel>> models;
  private final Map<String, double[]> values = new ConcurrentHashMap<>();

  public DriftGauges(MeterRegistry registry, PredictionLog log, Supplier<Collection<ServedModel>> models) {
    this.registry = registry;
    this.monitor = new MonitorService(log, DriftThresholds.fromEnv(org.detecta.config.Environment.current()), 1000);
    this.models = models;
  }

  public void refresh() {
    for (ServedModel model : models.get()) {
      try {
        MonitorService.Assessment a = monitor.assess(model.version());
        double[] v = values.computeIfAbsent(model.name(), this::register);
        v[0] = a.drift().map(DriftMonitor.DriftReport::findingPsi).orElse(Double.NaN);
        v[1] = a.drift().map(DriftMonitor.DriftReport::classPsi).orElse(Double.NaN);
        v[2] = a.drift().map(d -> d.findingChi().pValue()).orElse(Double.NaN);
        v[3] = a.drift().map(d -> d.classChi().pValue()).orElse(Double.NaN);
        v[4] = a.drift().map(d -> d.alarm() ? 1.0 : 0.0).orElse(Double.NaN);
        v[5] = a.accuracy().top1();
        v[6] = a.accuracy().top3();
      } catch (RuntimeException e) {
        LOG.warn("Drift gauges of {} not refreshed: {}", model.name(), e.getMessage());
      }
    }
  }

  private double[] register(String model) {
    double[] v = new double[7];
    java.util.Arrays.fill(v, Double.NaN);
    gauge("detecta_drift_psi", v, 0, model, "kind", "findings");
    gauge("detecta_drift_psi", v, 1, model, "kind", "classes");
    gauge("detecta_drift_chi2_p", v, 2, model, "kind", "findings");
    gauge("detecta_drift_chi2_p", v, 3, model, "kind", "classes");
    Gauge.builder("detecta_drift_alarm", v, a -> a[4]).tag("model", model).register(registry);
    gauge("detecta_live_accuracy", v, 5, model, "k", "1");
    gauge("detecta_live_accuracy", v, 6, model, "k", "3");
    return v;
  }

  private void gauge(String name, double[] v, int i, String model, String key, String value) {
    Gauge.builder(name, v, a -> a[i]).tag("model", model).tag(key, value).register(registry);
  }
}
