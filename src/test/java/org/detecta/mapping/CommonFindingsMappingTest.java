package org.detecta.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reviewed mapping file is well formed: 7 columns, valid ids and match kinds, one row per finding. */
class CommonFindingsMappingTest {
  static List<String[]> rows() throws IOException {
    try (InputStream in = CommonFindingsMappingTest.class.getResourceAsStream("/org/detecta/mapping/common-findings-hpo.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertEquals("source\tfinding_id\tfinding_text_en\thpo_id\thpo_label\tmatch\treviewed", lines.get(0));
      return lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
    }
  }

  @Test
  void everyRowIsWellFormedAndReviewed() throws IOException {
    Set<String> seen = new HashSet<>();
    List<String[]> rows = rows();
    assertTrue(rows.size() > 150);
    for (String[] row : rows) {
      String where = String.join(" | ", row);
      assertEquals(7, row.length, where);
      assertTrue(Set.of("kaggle", "ddxplus").contains(row[0]), where);
      assertTrue(row[3].matches("HP:\\d{7}"), where);
      assertTrue(Set.of("exact", "synonym", "broader", "manual").contains(row[5]), where);
      assertEquals("yes", row[6], where);
      assertTrue(seen.add(row[0] + ":" + row[1]), "duplicate " + where);
      if (row[0].equals("kaggle")) {
        assertTrue(row[1].matches("[a-z_()]+"), "kaggle names are normalised: " + where);
      } else {
        assertTrue(row[1].matches("E_\\d+(_@_V_\\d+)?"), where);
      }
    }
  }

  @Test
  void generatorMatchesLabelsSynonymsAndPhrases() {
    assertEquals("fever", CommonFindingsHpoCandidates.normalise("Fever (either felt)"));
    assertEquals("spotting urination", CommonFindingsHpoCandidates.normalise("spotting_urination"));
  }
}
