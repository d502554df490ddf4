package org.detecta.serve;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server settings, from flags and environment variables (documented defaults):
 * {@code DETECTA_ADMIN_TOKEN} (admin routes disabled without it), {@code DETECTA_CORS_ORIGINS}
 * (comma-separated; none = no CORS), {@code DETECTA_MAX_BODY_BYTES} (65536), {@code DETECTA_MAX_FINDINGS}
 * (100), {@code DETECTA_MAX_CONCURRENT} (64 requests in flight, then 429), {@code DETECTA_REQUEST_TIMEOUT_MS}
 * (10000, idle timeout of a connection), {@code DETECTA_HTTP_THREADS} (8), {@code DETECTA_RETENTION_DAYS}
 * (365), {@code DETECTA_RELOAD_POLL_SECONDS} (30), {@code DETECTA_DEFAULT_MODEL} (detecta, else the first served).
 */
public record ServeConfig(String host, int port, Optional<String> adminToken, List<String> corsOrigins,
                          long maxBodyBytes, int maxFindings, int maxConcurrent, Duration requestTimeout,
                          int httpThreads, int retentionDays, Duration reloadPoll, String defaultModel) {
  public ServeConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
    }
    adminToken = adminToken.filter(t -> !t.isBlank());
    corsOrigins = List.copyOf(corsOrigins);
    positive("DETECTA_MAX_BODY_BYTES", maxBodyBytes);
    positive("DETECTA_MAX_FINDINGS", maxFindings);
    positive("DETECTA_MAX_CONCURRENT", maxConcurrent);
    positive("DETECTA_HTTP_THREADS", httpThreads);
    positive("DETECTA_RETENTION_DAYS", retentionDays);
  }

  public static ServeConfig fromEnv(String host, int port, Map<String, String> env) {
    return new ServeConfig(host, port, Optional.ofNullable(env.get("DETECTA_ADMIN_TOKEN")),
        Arrays.stream(env.getOrDefault("DETECTA_CORS_ORIGINS", "").split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).toList(),
        number(env, "DETECTA_MAX_BODY_BYTES", 65536), (int) number(env, "DETECTA_MAX_FINDINGS", 100),
        (int) number(env, "DETECTA_MAX_CONCURRENT", 64),
        Duration.ofMillis(number(env, "DETECTA_REQUEST_TIMEOUT_MS", 10_000)),
        (int) number(env, "DETECTA_HTTP_THREADS", 8), (int) number(env, "DETECTA_RETENTION_DAYS", 365),
        Duration.ofSeconds(number(env, "DETECTA_RELOAD_POLL_SECONDS", 30)),
        env.getOrDefault("DETECTA_DEFAULT_MODEL", "detecta"));
  }

  private static long number(Map<String, String> env, String key, long fallback) {
    String value = env.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
    }
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive, was " + value);
    }
  }
}
