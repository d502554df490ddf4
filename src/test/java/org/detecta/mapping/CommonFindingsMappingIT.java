package org.detecta.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.detecta.SharedData;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.kb.TermIndex;
import org.detecta.kb.TermResolution;
import org.junit.jupiter.api.Test;

/** Every mapped HPO id is current in the shared release with the recorded label; every finding exists in its source. */
class CommonFindingsMappingIT {
  @Test
  void idsAreCurrentAndFindingsExist() throws Exception {
    TermIndex terms = SharedData.knowledgeBase().terms();
    DdxplusCatalog catalog = DdxplusCatalog.load(SharedData.path("ddxplus"));
    String header = java.nio.file.Files.readAllLines(SharedData.path("kaggle-disease-symptom/Training.csv")).get(0);
    java.util.Set<String> symptoms = new java.util.HashSet<>();
    for (String column : header.split(",")) {
      symptoms.add(org.detecta.cases.SymptomNames.normalise(column));
    }
    for (String[] row : CommonFindingsMappingTest.rows()) {
      TermResolution resolution = terms.resolve(row[3]);
      assertEquals(TermResolution.Status.CURRENT, resolution.status(), String.join(" | ", row));
      assertEquals(terms.label(terms.indexOf(org.monarchinitiative.phenol.ontology.data.TermId.of(row[3])).orElseThrow()), row[4]);
      if (row[0].equals("kaggle")) {
        assertTrue(symptoms.contains(row[1]), "unknown Kaggle symptom " + row[1]);
      } else {
        assertEquals(null, catalog.problemWith(row[1]), row[1]);
      }
    }
  }
}
