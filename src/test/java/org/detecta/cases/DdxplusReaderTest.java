package org.detecta.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DdxplusReaderTest {
  @Test
  void readsTokensExtrasAndReportsBadRows() throws Exception {
    Path file = Path.of(DdxplusReaderTest.class.getResource("ddxplus-patients.csv").toURI());
    DdxplusReader.Batch batch = new DdxplusReader().readPatients(file);
    assertEquals(2, batch.patients().size());
    DdxplusPatient first = batch.patients().get(0);
    assertEquals(List.of("E_53", "E_54_@_V_179", "E_56_@_2", "E_91"), first.patient().observed());
    assertEquals("Pneumonia", first.diagnosis());
    assertEquals(Sex.MALE, first.patient().sex());
    assertEquals(Optional.of(8.0), first.patient().ageYears());
    assertEquals("E_91", first.initialEvidence());
    assertEquals(3, first.referenceDifferential().size());
    assertEquals("Guillain-Barré syndrome", first.referenceDifferential().get(2).name());
    assertEquals(0.3, first.referenceDifferential().get(1).probability(), 1e-12);
    DdxplusPatient second = batch.patients().get(1);
    assertEquals(Optional.empty(), second.patient().ageYears());
    assertEquals(List.of("E_91"), second.patient().observed());
    assertTrue(batch.issues().stream().anyMatch(i -> i.location().endsWith(":3") && i.message().contains("age 'abc'")));
    assertTrue(batch.issues().stream().anyMatch(i -> i.location().endsWith(":3") && i.message().contains("bogus token")));
    assertTrue(batch.issues().stream().anyMatch(i -> i.location().endsWith(":4") && i.message().contains("empty diagnosis")));
  }

  @Test
  void tokenParts() {
    assertEquals("E_54", DdxplusCatalog.evidenceOf("E_54_@_V_179"));
    assertEquals("V_179", DdxplusCatalog.valueOf("E_54_@_V_179"));
    assertEquals("", DdxplusCatalog.valueOf("E_91"));
  }
}
