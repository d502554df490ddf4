package org.detecta.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CasesTsvReaderTest {
  private final CasesTsvReader reader = new CasesTsvReader();

  private CaseBatch read(String text) throws Exception {
    return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.tsv");
  }

  @Test
  void readsGoodLinesAndReportsEveryBadOneWithItsLine() throws Exception {
    Path file = CaseFixtures.path("cases.tsv");
    CaseBatch batch = reader.read(file);
    assertEquals(List.of("c1", "c2", "c5"), batch.cases().stream().map(PatientCase::id).toList());
    PatientCase c1 = batch.cases().get(0);
    assertEquals(List.of("OMIM:614959", "ORPHA:1934"), c1.diagnoses());
    assertEquals(List.of("HP:0011153", "HP:0001263"), c1.observed());
    assertEquals(List.of("HP:0000252"), c1.excluded());
    assertEquals(Optional.of("PMID:1"), c1.publication());
    assertEquals(file + ":2", c1.source());
    PatientCase c2 = batch.cases().get(1);
    assertEquals(List.of("HP:0000252", "HP:0001249"), c2.observed());          // trimmed, duplicate removed
    assertEquals(List.of(), c2.excluded());                                      // empty excluded column
    assertEquals(file + ":4", c2.source());                                      // the blank line 3 is counted
    assertEquals(List.of(
            "ERROR " + file + ":5: expected at least 3 tab-separated columns, found 2; line skipped (separate columns with tabs)",
            "ERROR " + file + ":6: empty case_id",
            "ERROR " + file + ":7: case c5: malformed HPO id(s) [HP:123, seizure] skipped",
            "WARNING " + file + ":7: case c5 has no disease id"),
        batch.issues().stream().map(Issue::toString).toList());
    assertEquals(List.of("HP:0001250"), batch.cases().get(2).observed());
  }

  @Test
  void excludedColumnMayBeMissing() throws Exception {
    CaseBatch batch = reader.read(CaseFixtures.path("cases-no-excluded.tsv"));
    assertEquals(List.of(), batch.issues());
    assertEquals(2, batch.cases().size());
    assertEquals(List.of(), batch.cases().get(0).excluded());
    assertEquals(Optional.empty(), batch.cases().get(0).publication());
    assertEquals("case:x1", batch.cases().get(0).groupKey());
  }

  @Test
  void toleratesByteOrderMarkAndWindowsLineEndings() throws Exception {
    CaseBatch batch = read("\uFEFFcase_id\tdisease_ids\tobserved_hpo\texcluded_hpo\r\n"
        + "a\tOMIM:1\tHP:0001250\tHP:0000252\r\n"
        + "b\tOMIM:2\tHP:0001263\t\r\n");
    assertEquals(List.of(), batch.issues());
    assertEquals(List.of("HP:0000252"), batch.cases().get(0).excluded());      // no trailing \r on the last cell
    assertEquals(List.of("OMIM:2"), batch.cases().get(1).diagnoses());
    assertEquals("t.tsv:3", batch.cases().get(1).source());
  }

  @Test
  void headerWithoutRequiredColumnsIsOneErrorNamingThem() throws Exception {
    CaseBatch batch = read("id\tdisease\tobserved_hpo\nx\ty\tHP:0001250\n");
    assertEquals(0, batch.cases().size());
    assertEquals("t.tsv:1", batch.issues().get(0).location());
    assertTrue(batch.issues().get(0).message().contains("[case_id, disease_ids]"), batch.issues().get(0).message());
  }

  @Test
  void emptyFileIsAnError() throws Exception {
    assertTrue(read("").hasErrors());
  }

  @Test
  void readsGzippedTsvAndPicksTheReaderByName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cases.tsv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(Files.readAllBytes(CaseFixtures.path("cases-no-excluded.tsv")));
    }
    CaseReader chosen = CaseReaders.forPath(file);
    assertTrue(chosen instanceof CasesTsvReader);
    assertEquals(2, chosen.read(file).cases().size());
    assertThrows(IllegalArgumentException.class, () -> CaseReaders.forPath(dir.resolve("cases.csv")));
  }
}
