package org.detecta.data;

import org.detecta.SharedData;
import org.detecta.cases.Issue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code data validate} on the real shared data: the counts its README states. */
class DataValidateIT {
  @Test
  void realDataDirectoryHasNoErrorsAndTheDocumentedCounts() throws Exception {
    ValidationReport report = new DataValidator(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .validate(SharedData.dir());
    assertEquals(0, report.count(Issue.Severity.ERROR), report.issues().stream()
        .filter(i -> i.issue().severity() == Issue.Severity.ERROR).limit(5).toList().toString());
    Map<String, Object> hpo = report.source("hpo");
    assertEquals(12605, hpo.get("diseases"));
    Map<String, Object> cases = report.source("phenopackets");
    assertEquals(8218, cases.get("cases"));
    assertEquals(696, cases.get("diseasesInCases"));
    int missing = (Integer) cases.get("diseasesNotInKnowledgeBase");
    assertTrue(missing > 250 && missing < 450, "about half the diseases are newer than the KB: " + missing);
    @SuppressWarnings("unchecked")
    Map<String, Object> ids = (Map<String, Object>) cases.get("hpoIds");
    assertTrue((Integer) ids.get("unknown") > 0, "some HPO ids are newer than 2023: " + ids);
    assertEquals(223, report.source("ddxplus").get("evidences"));
    assertEquals(49, report.source("ddxplus").get("conditions"));
    @SuppressWarnings("unchecked")
    Map<String, Object> training = (Map<String, Object>) report.source("kaggle").get("Training.csv");
    assertEquals(4920, training.get("records"));
    assertEquals(133, training.get("columns"));
  }
}
