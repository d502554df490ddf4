package org.detecta.kb;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationFrequencyTest {
  @ParameterizedTest
  @CsvSource({
      "HP:0040280, 1.0",
      "3/4,        0.75",
      "12%,        0.12",
      "0/5,        0.0",
      "100%,       1.0",
  })
  void parsesTermsRatiosAndPercentages(String raw, double expected) {
    assertEquals(expected, AnnotationFrequency.parse(raw).orElseThrow(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "5/0", "7/3", "120%", "abc", "HP:9999999"})
  void rejectsWhatIsNotAProbability(String raw) {
    assertTrue(AnnotationFrequency.parse(raw).isEmpty(), raw);
  }

  @org.junit.jupiter.api.Test
  void veryFrequentIsBetweenFrequentAndObligate() {
    double veryFrequent = AnnotationFrequency.parse("HP:0040281").orElseThrow();
    double frequent = AnnotationFrequency.parse("HP:0040282").orElseThrow();
    assertTrue(frequent < veryFrequent && veryFrequent < 1.0);
  }
}
