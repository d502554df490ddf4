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
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhenopacketReaderTest {
  private final PhenopacketReader reader = new PhenopacketReader();

  @Test
  void readsObservedAndExcludedFeaturesDiseasesSexAgeAndPmid() throws Exception {
    CaseBatch batch = reader.read(CaseFixtures.path("phenopacket-full.json"));
    assertEquals(List.of(), batch.issues());
    PatientCase patient = batch.cases().get(0);
    assertEquals("PMID_35190816_STX_102", patient.id());
    assertEquals(List.of("HP:0007359", "HP:0001263"), patient.observed());   // duplicate removed, order kept
    assertEquals(List.of("HP:0000252", "HP:0001290"), patient.excluded());
    assertEquals(List.of("OMIM:612164"), patient.diagnoses());                // the excluded disease is not a diagnosis
    assertEquals(Sex.FEMALE, patient.sex());
    assertEquals(3.5, patient.ageYears().orElseThrow(), 1e-9);
    // The PMID comes from metaData.externalReferences, not from the PMID_35190816 in the id.
    assertEquals(Optional.of("PMID:11111111"), patient.publication());
    assertEquals("PMID:11111111", patient.groupKey());
  }

  /** What other sources write: v1 "negated", a Family's proband, a Cohort's members, ids spelled MIM:/Orphanet:/HP_. */
  @Test
  void readsV1FeaturesFamiliesCohortsAndOtherIdSpellings() throws Exception {
    String v1 = "{\"id\": \"P1\", \"subject\": {\"sex\": \"MALE\"}, \"phenotypicFeatures\": ["
        + "{\"type\": {\"id\": \"HP_0001250\"}}, {\"type\": {\"id\": \"hp:0001263\"}, \"negated\": true}],"
        + " \"diseases\": [{\"term\": {\"id\": \"MIM:612164\"}}]}";
    PatientCase single = reader.read(stream(v1), "v1.json").cases().get(0);
    assertEquals(List.of("HP:0001250"), single.observed());
    assertEquals(List.of("HP:0001263"), single.excluded(), "v1 negated = excluded");
    assertEquals(List.of("OMIM:612164"), single.diagnoses());

    CaseBatch family = reader.read(stream("{\"id\": \"F\", \"proband\": " + v1 + "}"), "family.json");
    assertEquals(List.of("P1"), family.cases().stream().map(PatientCase::id).toList());

    String other = v1.replace("\"P1\"", "\"P2\"").replace("MIM:612164", "Orphanet:558");
    CaseBatch cohort = reader.read(stream("{\"id\": \"C\", \"members\": [" + v1 + ", " + other + "]}"), "cohort.json");
    assertEquals(List.of("P1", "P2"), cohort.cases().stream().map(PatientCase::id).toList());
    assertEquals(List.of("ORPHA:558"), cohort.cases().get(1).diagnoses());
  }

  private static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void malformedJsonIsOneErrorWithFileAndLineAndNoCase() throws Exception {
    Path file = CaseFixtures.path("phenopacket-malformed.json");
    CaseBatch batch = reader.read(file);
    assertEquals(0, batch.cases().size());
    assertEquals(1, batch.issues().size());
    Issue issue = batch.issues().get(0);
    assertEquals(Issue.Severity.ERROR, issue.severity());
    assertEquals(file + ":6", issue.location());
    assertTrue(issue.message().startsWith("not valid JSON"), issue.message());
  }

  @Test
  void featureWithoutIdIsReportedAndTheRestOfTheCaseKept() throws Exception {
    Path file = CaseFixtures.path("phenopacket-feature-without-id.json");
    CaseBatch batch = reader.read(file);
    PatientCase patient = batch.cases().get(0);
    assertEquals(List.of("HP:0001250"), patient.observed());
    assertEquals(List.of("OMIM:614959"), patient.diagnoses());               // from interpretations
    assertEquals(Optional.of("PMID:22222222"), patient.publication());        // no reference: from the id
    assertEquals(Optional.empty(), patient.ageYears());
    List<String> locations = batch.issues().stream().map(Issue::location).toList();
    assertEquals(List.of(file + ":phenotypicFeatures[0]", file + ":phenotypicFeatures[2]",
        file + ":subject.timeAtLastEncounter.age.iso8601duration"), locations);
    assertTrue(batch.issues().get(1).message().contains("'not an id'"), batch.issues().get(1).message());
    assertEquals(Issue.Severity.WARNING, batch.issues().get(2).severity());
  }

  @Test
  void readsAgeInWeeksDaysAndHours() throws Exception {
    assertEquals(10 * 7 / 365.25, age("P10W"), 1e-9);
    assertEquals(2 / 365.25, age("P2DT12H"), 1e-9);
    assertEquals(1 + 1 / 12.0, age("P1Y1M"), 1e-9);
  }

  private double age(String iso) throws Exception {
    String json = "{\"id\":\"x\",\"subject\":{\"timeAtLastEncounter\":{\"age\":{\"iso8601duration\":\"" + iso + "\"}}},"
        + "\"phenotypicFeatures\":[{\"type\":{\"id\":\"HP:0001250\"}}],\"diseases\":[{\"term\":{\"id\":\"OMIM:1\"}}]}";
    CaseBatch batch = reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "inline");
    assertEquals(List.of(), batch.issues());
    return batch.cases().get(0).ageYears().orElseThrow();
  }

  @Test
  void aFileWithoutIdOrThatIsNotAnObjectIsAnError() throws Exception {
    CaseBatch noId = reader.read(new ByteArrayInputStream("{\"phenotypicFeatures\":[]}".getBytes(StandardCharsets.UTF_8)), "f.json");
    assertEquals("f.json:id", noId.issues().get(0).location());
    CaseBatch array = reader.read(new ByteArrayInputStream("[1,2]".getBytes(StandardCharsets.UTF_8)), "g.json");
    assertEquals(List.of(Issue.error("g.json", "not a phenopacket: expected a JSON object")), array.issues());
    CaseBatch empty = reader.read(new ByteArrayInputStream(new byte[0]), "h.json");
    assertEquals(0, empty.cases().size());
    assertTrue(empty.hasErrors());
  }

  @Test
  void readsADirectoryTreeInSortedOrderIgnoringOtherFiles() throws Exception {
    CaseBatch batch = reader.read(CaseFixtures.path("tree"));
    assertEquals(List.of("a", "b"), batch.cases().stream().map(PatientCase::id).toList());
    assertEquals(List.of(), batch.issues());
  }

  @Test
  void readsGzippedFilesInATree(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("X"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("X/c.json.gz")))) {
      out.write(Files.readAllBytes(CaseFixtures.path("phenopacket-full.json")));
    }
    Files.copy(CaseFixtures.path("tree/A/PMID_1_a.json"), dir.resolve("a.json"));
    CaseBatch batch = CaseReaders.forPath(dir).read(dir);
    assertEquals(List.of("PMID_35190816_STX_102", "a"), batch.cases().stream().map(PatientCase::id).toList());
    assertTrue(CaseReaders.forPath(dir.resolve("X/c.json.gz")) instanceof PhenopacketReader);
  }
}
