package org.detecta.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics: request count and latency histogram per route, method and status; predictions per
 * model and predicted class. Meters are cached per label set so recording costs a map lookup.
 */
public final class HttpMetrics implements PredictionListener {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter> predictions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> modelLatency = new ConcurrentHashMap<>();

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** {@code route} is the route template (e.g. {@code /v2/models/{name}/infer}), never the raw path. */
  public void request(String method, String route, int status, long nanos) {
    String key = method + ' ' + route + ' ' + status;
    timers.computeIfAbsent(key, k -> Timer.builder("detecta_http_requests")
        .description("HTTP requests by route, method and status")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void predicted(String model, int version, String topClass, double latencyMs) {
    predictions.computeIfAbsent(model + '\u0000' + topClass, k -> Counter.builder("detecta_predictions")
        .description("Predictions served, by model and predicted (top-1) class")
        .tags("model", model, "class", topClass.isEmpty() ? "none" : topClass).register(registry)).increment();
    modelLatency.computeIfAbsent(model, k -> Timer.builder("detecta_model_latency")
        .description("Time spent resolving findings and ranking, by model")
        .tags("model", model).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(5))
        .register(registry)).record((long) (latencyMs * 1e6), TimeUnit.NANOSECONDS);
  }

  public String scrape() {
    return registry.scrape();
  }
}
