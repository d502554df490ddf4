package org.detecta.deploy;

import org.detecta.registry.DatabaseConfig;
import org.detecta.registry.PostgresServer;
import org.detecta.serve.HeadlessChromium;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Compose topology without a container engine: a real PostgreSQL, the one-shot trainer ({@code detecta train
 * --model kaggle-symptoms} from the built jar, registering into PostgreSQL), the backend ({@code detecta serve}
 * from the same jar) and Debian's Nginx running the repository's {@code nginx.conf} (ports, backend address and
 * paths substituted) in front. Headless Chromium drives the web page through Nginx's port: consent, findings,
 * a differential back; the prediction is stored in PostgreSQL.
 */
@Tag("browser")
class DeploymentTopologyIT {
  private static final Path NGINX = Path.of("/usr/sbin/nginx");
  private static final String TOKEN = "topology-admin-token";

  @Test
  void webPageThroughNginxGetsADiagnosisFromTheBackendJarOnPostgres() throws Exception {
    if (!Files.isExecutable(NGINX)) {
      throw new IllegalStateException("nginx not found; install it with: bash .ci/install-deps (apt-get install -y nginx-light)");
    }
    Path run = Files.createTempDirectory("detecta-topology-", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x"))); // Nginx workers (nobody) read the page from here
    try (PostgresServer postgres = PostgresServer.start()) {
      DatabaseConfig db = postgres.newDatabase();
      Path data = Files.createDirectories(run.resolve("data"));
      Files.createSymbolicLink(data.resolve("kaggle-disease-symptom"),
          org.detecta.SharedData.dir().resolve("kaggle-disease-symptom"));
      Path home = run.resolve("home");
      Map<String, String> env = Map.of("DETECTA_DB_URL", db.url(), "DETECTA_DB_USER", db.user(),
          "DETECTA_DB_PASSWORD", db.password(), "DETECTA_HOME", home.toString(), "DETECTA_DATA", data.toString(),
          "DETECTA_ADMIN_TOKEN", TOKEN, "DETECTA_LOG_FORMAT", "json");

      // the trainer service: train, gate and register the champion, then exit 0
      ChildProcess.run("trainer", ChildProcess.detecta("1g", "train", "--model", "kaggle-symptoms"), env,
          run.resolve("trainer.log"), Duration.ofMinutes(4));

      int backendPort = ChildProcess.freePort();
      int nginxPort = ChildProcess.freePort();
      try (ChildProcess backend = ChildProcess.start("backend",
          ChildProcess.detecta("1g", "serve", "--host", "127.0.0.1", "--port", Integer.toString(backendPort)), env,
          run.resolve("backend.log"))) {
        backend.awaitOk("http://127.0.0.1:" + backendPort + "/v2/health/ready", Duration.ofMinutes(2));

        Path html = run.resolve("html");
        copyTree(Manifests.ROOT.resolve("src/main/resources/web"), html); // what Dockerfile.frontend copies
        Path conf = run.resolve("nginx.conf");
        Files.writeString(conf, NginxConfig.render(Files.readString(Manifests.ROOT.resolve("nginx.conf")), nginxPort,
            "127.0.0.1:" + backendPort, html, run));
        ChildProcess.run("nginx -t", List.of(NGINX.toString(), "-t", "-c", conf.toString(), "-p", run.toString()),
            Map.of(), run.resolve("nginx-t.log"), Duration.ofSeconds(30));
        try (ChildProcess nginx = ChildProcess.start("nginx", List.of(NGINX.toString(), "-c", conf.toString(), "-p",
            run.toString(), "-g", "daemon off;"), Map.of(), run.resolve("nginx.out"))) {
          String front = "http://127.0.0.1:" + nginxPort;
          nginx.awaitOk(front + "/v2/health/ready", Duration.ofSeconds(30));
          checkProxyAndHeaders(front);
          driveThePage(front, run);
          String access = Files.readString(run.resolve("access.log"));
          assertTrue(access.contains("\"POST /api/v1/diagnose HTTP/1.1\" 200"), "the diagnosis did not go through Nginx:\n" + access);
        }
        assertTrue(Files.readAllLines(run.resolve("backend.log")).stream().filter(l -> l.startsWith("{"))
            .anyMatch(l -> l.contains("\"level\":\"INFO\"")), "DETECTA_LOG_FORMAT=json gives JSON log lines");
      }
      try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM prediction_log WHERE model_name = 'kaggle-symptoms'")) {
        rs.next();
        assertTrue(rs.getInt(1) >= 1, "the consented diagnosis was not logged in PostgreSQL");
      }
    } finally {
      deleteTree(run);
    }
  }

  private static void checkProxyAndHeaders(String front) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(front + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("symptom-input"), "Nginx serves the web page");
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    HttpResponse<String> models = client.send(HttpRequest.newBuilder(URI.create(front + "/api/v1/models")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, models.statusCode());
    assertTrue(models.body().contains("kaggle-symptoms"), models.body());
    HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(front + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode());
  }

  private static void driveThePage(String front, Path run) throws Exception {
    WebDriver browser = HeadlessChromium.start(run);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
      browser.get(front + "/");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model option")));
      browser.findElement(By.id("consent")).click();
      for (String[] finding : new String[][] {{"itchi", "itching"}, {"skin r", "skin rash"}, {"nodal", "nodal skin eruptions"}}) {
        WebElement input = browser.findElement(By.id("symptom-input"));
        input.sendKeys(finding[0]);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), finding[1]));
        input.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("observed-list"), finding[1]));
      }
      browser.findElement(By.id("diagnose-btn")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#candidates li.candidate")));
      List<WebElement> candidates = browser.findElements(By.cssSelector("#candidates li.candidate"));
      assertFalse(candidates.isEmpty());
      assertTrue(candidates.get(0).getText().contains("Fungal infection"), candidates.get(0).getText());
      HeadlessChromium.screenshot(browser, "topology-nginx-diagnosis");
    } finally {
      browser.quit();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
