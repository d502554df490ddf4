package org.detecta.cli;

import org.detecta.Detecta;
import org.detecta.serve.DetectaServer;
import org.detecta.serve.ServeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code detecta serve}: the HTTP API, the web page and the metrics, until SIGTERM/SIGINT (graceful stop). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the @champion of every registered model over HTTP: the REST API, Open Inference",
        "Protocol v2, the web page, /openapi.json and /metrics.",
        "Limits, admin token, CORS, retention: DETECTA_* environment variables (docs/SERVING.md)."})
public final class ServeCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);
  @Mixin
  CommonOptions common;

  @Option(names = "--port", defaultValue = "${env:DETECTA_PORT:-5000}",
      description = "TCP port (default: $DETECTA_PORT, else 5000; 0 = any free port)")
  int port;

  // All interfaces by default so the container images (Dockerfile, Compose, Kubernetes) work as written.
  @Option(names = "--host", defaultValue = "${env:DETECTA_HOST:-0.0.0.0}",
      description = "Interface to bind (default: $DETECTA_HOST, else 0.0.0.0; 127.0.0.1 = this machine only)")
  String host;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Detecta detecta = common.detecta();
    detecta.loadKnowledgeBaseInBackground(); // the longest steps, from now: the KB and opening the database,
    detecta.openRegistryInBackground();      // while HTTP starts
    ServeConfig config = ServeConfig.fromEnv(host, port, org.detecta.config.Environment.current());
    DetectaServer server = DetectaServer.start(config, detecta.registrySupplier(), detecta.databaseConfig(),
        detecta.catalog(), detecta.knowledgeBase(), detecta.paths().data());
    LOG.info("detecta serve: JVM started {} ms before the command; registry open, HTTP up",
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - (System.nanoTime() - start) / 1_000_000);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("detecta serve: stopping (finishing in-flight requests)");
      server.close();
      stopped.countDown();
    }, "detecta-shutdown"));
    LOG.info("detecta serve: listening on http://{}:{}/ after {} s", host, server.port(),
        String.format("%.2f", (System.nanoTime() - start) / 1e9));
    server.awaitReady(Long.MAX_VALUE / 2);
    String after = String.format("%.2f", (System.nanoTime() - start) / 1e9);
    if (server.models().unavailable().isEmpty()) {
      LOG.info("detecta serve: ready after {} s ({} model(s))", after, server.models().all().size());
    } else {
      LOG.error("detecta serve: NOT ready after {} s: {} model(s) served, champion(s) that failed to load: {}", after,
          server.models().all().size(), server.models().unavailable());
    }
    stopped.await();
    return ExitCodes.OK;
  }
}
