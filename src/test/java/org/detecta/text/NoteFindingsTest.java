package org.detecta.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NoteFindingsTest {
  private static Finding f(int start, String id, FindingStatus status) {
    return new Finding(start, start + 1, "x", id, "label", status);
  }

  @Test
  void presentIsObservedAbsentIsExcludedOthersUnused() {
    Extraction extraction = new Extraction(Language.EN, List.of(f(0, "HP:1", FindingStatus.PRESENT),
        f(2, "HP:2", FindingStatus.ABSENT), f(4, "HP:3", FindingStatus.UNCERTAIN), f(6, "HP:4", FindingStatus.FAMILY),
        f(8, "HP:1", FindingStatus.PRESENT), f(10, "HP:5", FindingStatus.ABSENT), f(12, "HP:5", FindingStatus.PRESENT)));
    NoteFindings note = NoteFindings.of(extraction);
    assertEquals(List.of("HP:1", "HP:5"), note.observed());
    assertEquals(List.of("HP:2"), note.excluded(), "an id also present in the note is not excluded");
    assertEquals(List.of("observed", "excluded", "none", "none", "observed", "none", "observed"),
        extraction.findings().stream().map(note::use).toList());
    assertEquals(List.of("HP:9", "HP:1", "HP:5"), note.observedAfter(List.of("HP:9", "HP:1")));
    assertEquals(List.of("HP:2"), note.excludedAfter(List.of()));
  }
}
