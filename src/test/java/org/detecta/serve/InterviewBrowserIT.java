package org.detecta.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The interview mode of the page in headless Chromium: a question, an answer by button, back. */
@Tag("browser")
class InterviewBrowserIT {
  @Test
  void asksAnswersAndGoesBack(@TempDir Path tmp) throws Exception {
    Path data = TestServer.ddxplusDataDir(tmp);
    WebDriver browser = null;
    try (TestServer server = new TestServer(tmp.resolve("home"), data, Map.of(), 0, new TinyBayesFamily("ddxplus"))) {
      browser = HeadlessChromium.start(tmp);
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      browser.get(server.url("/"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#model option")));
      browser.findElement(By.id("consent")).click();
      browser.findElement(By.id("interview-start")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#interview-options button")));
      String first = browser.findElement(By.id("interview-question-text")).getText();
      assertTrue(first.startsWith("¿"), "Spanish question: " + first);
      assertEquals("interview-question-text", browser.switchTo().activeElement().getAttribute("id"), "focus on the question");
      List<WebElement> buttons = browser.findElements(By.cssSelector("#interview-options button"));
      assertTrue(buttons.stream().anyMatch(b -> b.getText().equals("No lo sé")), "don't know is always offered");
      assertFalse(browser.findElements(By.cssSelector("#interview-candidates li")).isEmpty());
      buttons.get(0).click();
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#interview-answers li"), 1));
      wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("interview-question-text"), first)));
      browser.findElement(By.id("interview-back")).click();
      wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#interview-answers li"), 0));
      wait.until(ExpectedConditions.textToBe(By.id("interview-question-text"), first));
    } finally {
      if (browser != null) {
        browser.quit();
      }
    }
  }
}
