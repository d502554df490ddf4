package org.detecta.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web page in Debian's headless Chromium through the real server: consent refusal, a full diagnosis
 * with autocomplete, the language switch and feedback. Nothing is downloaded (no Selenium Manager).
 */
@Tag("browser")
class WebPageBrowserIT {
  @TempDir
  static Path tmp;
  static TestServer server;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(tmp.resolve("home"), TestServer.tinyDataDir(tmp), Map.of());
    browser = HeadlessChromium.start(tmp);
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void open() {
    browser.get(server.url("/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model option")));
  }

  private void addFinding(String typed, String expectedLabel) {
    WebElement input = browser.findElement(By.id("symptom-input"));
    input.sendKeys(typed);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), expectedLabel));
    input.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("observed-list"), expectedLabel));
  }

  @Test
  void refusesToSubmitWithoutConsent() throws Exception {
    int before = server.loggedPredictions();
    addFinding("coug", "cough");
    browser.findElement(By.id("diagnose-btn")).click();
    WebElement error = browser.findElement(By.id("form-error"));
    assertTrue(error.getText().contains("política de uso de datos"), error.getText());
    assertTrue(browser.findElement(By.id("results")).getAttribute("hidden") != null);
    assertEquals(before, server.loggedPredictions());
  }

  @Test
  void fullDiagnosisInSpanishThenFeedbackAndEnglish() throws Exception {
    assertEquals("es", browser.findElement(By.tagName("html")).getAttribute("lang"));
    browser.findElement(By.id("consent")).click();
    addFinding("fieb", "Fiebre");
    addFinding("coug", "cough");
    browser.findElement(By.id("age")).sendKeys("34");
    browser.findElement(By.id("diagnose-btn")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#candidates li.candidate")));
    WebElement first = browser.findElement(By.cssSelector("#candidates li.candidate"));
    assertTrue(first.getText().contains("Influenza"), first.getText());
    assertTrue(first.getText().contains("común"), first.getText());
    assertTrue(browser.findElements(By.cssSelector("#candidates .bar > div")).size() >= 2);
    assertEquals("", browser.findElement(By.id("unlisted")).getText(), "a model without the unlisted outcome: no line");
    first.findElement(By.tagName("summary")).click();
    WebElement similar = first.findElement(By.cssSelector(".similar-cases"));
    assertTrue(similar.getText().startsWith("Casos publicados parecidos"), similar.getText());
    assertTrue(similar.findElement(By.tagName("a")).getAttribute("href").startsWith("https://pubmed.ncbi.nlm.nih.gov/9000"),
        "each similar case links to its publication");
    screenshot("diagnosis-es");

    int before = server.loggedPredictions();
    first.findElement(By.cssSelector(".confirm-btn")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-status"), "confirmado"));
    try (Connection c = server.registry.database().connection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT confirmed_diagnosis FROM prediction_feedback")) {
      assertTrue(rs.next());
      assertEquals("TINY:FLU", rs.getString(1));
    }
    assertEquals(before, server.loggedPredictions());

    browser.findElement(By.id("lang-toggle")).click();
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("Get differential", browser.findElement(By.id("diagnose-btn")).getText());
    assertTrue(browser.findElement(By.cssSelector("#candidates li.candidate")).getText().contains("common"));
    screenshot("diagnosis-en");
  }

  /** A note scenario against a second server that has the real ontology (notes need it). */
  @Test
  void pastedNoteIsHighlightedCorrectedAndRanked() throws Exception {
    try (TestServer hpo = new TestServer(tmp.resolve("hpo-home"), org.detecta.SharedData.dir(), Map.of())) {
      browser.get(hpo.url("/"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model option")));
      browser.findElement(By.id("consent")).click();
      browser.findElement(By.id("note-text")).sendKeys("Niña de 3 años con crisis convulsivas y fiebre. Sin hepatomegalia. "
          + "Posible microcefalia. Madre con epilepsia.");
      browser.findElement(By.id("note-extract")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#note-highlight mark")));
      assertEquals(List.of("crisis convulsivas", "fiebre", "hepatomegalia", "microcefalia", "epilepsia"),
          browser.findElements(By.cssSelector("#note-highlight mark")).stream().map(WebElement::getText).toList());
      assertEquals(List.of("st-present", "st-present", "st-absent", "st-uncertain unused", "st-family unused"),
          browser.findElements(By.cssSelector("#note-highlight mark")).stream().map(m -> m.getAttribute("class")).toList());
      List<WebElement> items = browser.findElements(By.cssSelector("#note-findings li"));
      assertEquals(5, items.size());
      items.get(1).findElement(By.cssSelector("input.note-use")).click(); // untick fever
      new org.openqa.selenium.support.ui.Select(items.get(3).findElement(By.cssSelector("select.note-status")))
          .selectByValue("present"); // the clinician confirms the microcephaly
      assertEquals("st-present", browser.findElements(By.cssSelector("#note-highlight mark")).get(3).getAttribute("class"));
      screenshot("note-es");
      browser.findElement(By.id("note-rank")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#candidates li.candidate")));
      assertTrue(browser.findElement(By.id("observed-list")).getText().contains("Convulsiones"));
      hpo.server.predictionLog().flush(Duration.ofSeconds(5));
      var logged = hpo.server.predictionLog().recent("tiny", 1, 10);
      assertEquals(1, logged.size());
      assertEquals(List.of("HP:0001250", "HP:0000252"), logged.get(0).observed(), "fever unticked, microcephaly corrected");
      assertEquals(List.of("HP:0002240"), logged.get(0).excluded());
      browser.findElement(By.id("lang-toggle")).click();
      assertEquals("Read the note", browser.findElement(By.id("note-extract")).getText());
      assertTrue(browser.findElement(By.id("note-findings")).getText().contains("family"));
    }
  }

  private static void screenshot(String name) throws Exception {
    HeadlessChromium.screenshot(browser, name);
  }

}
