package org.detecta.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KaggleSymptomReaderTest {
  private static Path resource(String name) throws Exception {
    return Path.of(KaggleSymptomReaderTest.class.getResource(name).toURI());
  }

  @Test
  void wideFormNormalisesNamesAndReportsBadRowsWithLine() throws Exception {
    CaseBatch batch = CaseReaders.forPath(resource("kaggle-wide.csv")).read(resource("kaggle-wide.csv"));
    assertEquals(2, batch.cases().size());
    assertEquals(List.of("itching", "skin_rash", "dischromic_patches"), batch.cases().get(0).observed());
    assertEquals(List.of("spotting_urination"), batch.cases().get(1).observed());
    assertEquals(List.of("Urinary tract infection"), batch.cases().get(1).diagnoses());
    assertTrue(batch.issues().stream().anyMatch(i -> i.location().endsWith("kaggle-wide.csv:4") && i.message().contains("'x'")));
    assertTrue(batch.issues().stream().anyMatch(i -> i.location().endsWith("kaggle-wide.csv:5") && i.message().contains("no disease")));
  }

  @Test
  void longFormWithBlankHeaderGivesTheSameNames() throws Exception {
    CaseBatch batch = CaseReaders.forPath(resource("kaggle-long.csv")).read(resource("kaggle-long.csv"));
    assertEquals(2, batch.cases().size());
    assertEquals(List.of("itching", "skin_rash", "dischromic_patches"), batch.cases().get(0).observed());
    assertEquals(List.of("spotting_urination"), batch.cases().get(1).observed());
  }

  @Test
  void duplicateColumnsAreMergedWithAWarning() throws IOException {
    String csv = "fluid_overload,cough,fluid_overload,prognosis\n0,1,1,Pneumonia\n";
    CaseBatch batch = new KaggleSymptomReader().read(new java.io.ByteArrayInputStream(csv.getBytes()), "t.csv");
    assertEquals(List.of("cough", "fluid_overload"), batch.cases().get(0).observed());
    assertTrue(batch.issues().stream().anyMatch(i -> i.message().contains("more than once")));
  }

  @Test
  void csvRoutingSniffsTheHeader(@TempDir Path dir) throws IOException {
    Path ddx = Files.writeString(dir.resolve("a.csv"), "age,top5_diagnoses,sex,diagnosis,features,feature_id\n");
    Path kaggle = Files.writeString(dir.resolve("b.csv"), "cough,prognosis\n");
    Path other = Files.writeString(dir.resolve("c.csv"), "x,y\n1,2\n");
    assertInstanceOf(DdxplusReader.class, CaseReaders.forPath(ddx));
    assertInstanceOf(KaggleSymptomReader.class, CaseReaders.forPath(kaggle));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseReaders.forPath(other));
    assertTrue(e.getMessage().contains("c.csv"));
  }

  @Test
  void normalisationJoinsStraySpaces() {
    assertEquals("foul_smell_of_urine", SymptomNames.normalise("foul_smell_of urine"));
    assertEquals("spotting_urination", SymptomNames.normalise(" spotting_ urination"));
  }
}
