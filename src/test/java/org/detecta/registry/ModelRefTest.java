package org.detecta.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRefTest {
  @ParameterizedTest
  @CsvSource({
      "rare-phenotype,       rare-phenotype@champion",
      "ddxplus@challenger,   ddxplus@challenger",
      "kaggle-symptoms:12,   kaggle-symptoms:12",
  })
  void parsesTheThreeForms(String text, String canonical) {
    assertEquals(canonical, ModelRef.parse(text).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "name:", "name@", "name:x", "@champion", "a b"})
  void rejectsMalformedReferencesNamingThem(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRef.parse(text));
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }
}
