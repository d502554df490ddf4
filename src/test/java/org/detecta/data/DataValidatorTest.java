package org.detecta.data;

import org.detecta.SmallKb;
import org.detecta.cases.Issue;
import org.detecta.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code data validate} on a tiny data directory built from the unit-test fixtures. */
class DataValidatorTest {
  @TempDir
  Path data;

  private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @BeforeEach
  void buildDataDir() throws Exception {
    Files.createDirectories(data.resolve("hpo"));
    Files.copy(SmallKb.ontology(), data.resolve("hpo/hp.json"));
    Files.copy(SmallKb.annotations(), data.resolve("hpo/phenotype.hpoa"));
    Path cohort = Files.createDirectories(data.resolve("phenopackets/STXBP1"));
    write(cohort.resolve("a.json"), packet("a", "PMID:1", "OMIM:614959", "HP:0011153", "HP:0001275"));
    write(cohort.resolve("b.json"), packet("b", "PMID:1", "OMIM:999999", "HP:0011153", "HP:0001275"));
    write(cohort.resolve("c.json"), packet("c", "PMID:2", "OMIM:614959", "HP:0003114", "HP:0500014", "HP:9999999"));
    write(cohort.resolve("c-again.json"), packet("c", "PMID:2", "ORPHA:2512", "HP:0000252"));
    write(cohort.resolve("d.json"), packet("d", "PMID:3", "OMIM:614959", "HP:0001275", "HP:0011153"));
    write(cohort.resolve("broken.json"), "{ \"id\": ");
    Files.createDirectories(data.resolve("cases"));
    write(data.resolve("cases/extra.tsv"), "case_id\tdisease_ids\tobserved_hpo\nt1\tORPHA:1934\tHP:0001250\nt2\tORPHA:1934\n");
  }

  private static String packet(String id, String pmid, String disease, String... terms) {
    StringBuilder features = new StringBuilder();
    for (String term : terms) {
      features.append(features.length() == 0 ? "" : ",").append("{\"type\":{\"id\":\"").append(term).append("\"}}");
    }
    return "{\"id\":\"" + id + "\",\"phenotypicFeatures\":[" + features + "],\"diseases\":[{\"term\":{\"id\":\"" + disease
        + "\"}}],\"metaData\":{\"externalReferences\":[{\"id\":\"" + pmid + "\"}]}}";
  }

  private static void write(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private ValidationReport validate() throws Exception {
    return new DataValidator(quiet).validate(data);
  }

  private static List<String> messages(ValidationReport report, String source) {
    return report.issues().stream().filter(i -> i.source().equals(source)).map(i -> i.issue().toString()).toList();
  }

  @Test
  void countsTheKnowledgeBase() throws Exception {
    Map<String, Object> hpo = validate().source("hpo");
    assertEquals(36, hpo.get("terms"));
    assertEquals(5, hpo.get("diseases"));
    assertEquals("2023-01-27", hpo.get("annotationsDate"));
    assertEquals(1, hpo.get("annotationsSkipped"));
  }

  @Test
  void countsCasesDiseasesAndPublicationsAndReportsTheBrokenFileAsAnError() throws Exception {
    ValidationReport report = validate();
    Map<String, Object> facts = report.source("phenopackets");
    assertEquals(6L, facts.get("files"));
    assertEquals(5, facts.get("cases"));
    assertEquals(3L, facts.get("publications"));
    assertEquals(3, facts.get("diseasesInCases"));               // OMIM:614959, OMIM:999999, ORPHA:2512
    assertEquals(1, facts.get("diseasesNotInKnowledgeBase"));    // OMIM:999999
    assertEquals(1L, facts.get("casesWithNoDiseaseInKnowledgeBase"));
    assertEquals(1, report.count("phenopackets", Issue.Severity.ERROR));
    assertTrue(messages(report, "phenopackets").get(0).startsWith("ERROR " + data.resolve("phenopackets/STXBP1/broken.json")),
        messages(report, "phenopackets").get(0));
    assertFalse(report.ok());
  }

  @Test
  void resolvesEveryHpoIdUsedAndExplainsTheOnesThatAreNotCurrent() throws Exception {
    ValidationReport report = validate();
    @SuppressWarnings("unchecked")
    Map<String, Object> ids = (Map<String, Object>) report.source("phenopackets").get("hpoIds");
    assertEquals(6, ids.get("distinct"));
    assertEquals(2, ids.get("current"));       // HP:0011153, HP:0000252
    assertEquals(1, ids.get("alternative"));   // HP:0001275 -> Seizure
    assertEquals(2, ids.get("obsolete"));      // HP:0003114 (replaced), HP:0500014
    assertEquals(1, ids.get("unknown"));       // HP:9999999
    List<String> messages = messages(report, "phenopackets");
    assertTrue(messages.stream().anyMatch(m -> m.contains("HP:0001275 is an alternative id of HP:0001250; used by 3 case(s)")),
        messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("HP:0003114 is obsolete in HPO") && m.contains("replaced by HP:0001626")),
        messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.contains("HP:9999999 is not an HPO term")), messages.toString());
  }

  @Test
  void reportsDuplicateIdsAndIdenticalContent() throws Exception {
    ValidationReport report = validate();
    Map<String, Object> facts = report.source("phenopackets");
    assertEquals(1L, facts.get("duplicateIds"));                 // "c" twice
    assertEquals(1L, facts.get("identicalContentGroups"));       // a and d: same terms (any order), same disease
    assertTrue(messages(report, "phenopackets").stream().anyMatch(m -> m.contains("identical") && m.contains("a, d")),
        messages(report, "phenopackets").toString());
  }

  @Test
  void readsCasesTsvFilesAndNamesTheBadLine() throws Exception {
    ValidationReport report = validate();
    assertEquals(1, report.source("cases/extra.tsv").get("cases"));
    assertTrue(messages(report, "cases/extra.tsv").contains("ERROR " + data.resolve("cases/extra.tsv")
        + ":3: expected at least 3 tab-separated columns, found 2; line skipped (separate columns with tabs)"),
        messages(report, "cases/extra.tsv").toString());
  }

  @Test
  void checksDdxplusAndKaggleFilesAtFileLevel() throws Exception {
    Files.createDirectories(data.resolve("ddxplus"));
    write(data.resolve("ddxplus/release_evidences.json"), "{\"E_91\":{},\"E_54\":{}}");
    write(data.resolve("ddxplus/release_conditions.json"), "{\"Pneumonia\":{}}");
    write(data.resolve("ddxplus/patients.csv"), "age,top5_diagnoses,sex,diagnosis,features,feature_id\n"
        + "8,\"[['Pneumonia', 0.1], ['URTI', 0.05]]\",M,Pneumonia,\"['E_91', 'E_54_@_V_179']\",E_91\n"
        + "9,\"[]\",F,URTI\n");
    Files.createDirectories(data.resolve("kaggle-disease-symptom"));
    write(data.resolve("kaggle-disease-symptom/Training.csv"), "itching,skin_rash,prognosis\n1,0,Fungal infection\n");
    ValidationReport report = validate();
    assertEquals(2, report.source("ddxplus").get("evidences"));
    assertEquals(1, report.source("ddxplus").get("conditions"));
    assertEquals(List.of(
            "ERROR " + data.resolve("ddxplus/patients.csv") + ": patients.csv record 3: 4 fields, header has 6"),
        messages(report, "ddxplus"));
    assertEquals(List.of("ERROR " + data.resolve("kaggle-disease-symptom/Testing.csv") + ": missing (download the Kaggle set by hand)"),
        messages(report, "kaggle"));
  }

  @Test
  void aFileChangedSinceItWasFetchedIsAnError() throws Exception {
    Manifest manifest = Manifest.read(data);
    manifest.put("hpo/hp.json", new Manifest.Entry("hpo", "http://example.org/hp.json", Files.size(data.resolve("hpo/hp.json")),
        HttpDownloader.sha256(data.resolve("hpo/hp.json")), "2026-01-01T00:00:00Z", "2023-01-27"));
    manifest.put("hpo/phenotype.hpoa", new Manifest.Entry("hpo", "http://example.org/phenotype.hpoa", 1, "00", "x", ""));
    manifest.write(data);
    ValidationReport report = validate();
    assertEquals(1, report.source("manifest").get("verified"));
    assertEquals(1, report.count("manifest", Issue.Severity.ERROR));
    assertTrue(messages(report, "manifest").get(0).contains("phenotype.hpoa: sha256 differs"), messages(report, "manifest").toString());
  }

  @Test
  void commandPrintsOneJsonLineAndExitsZeroWithWarningsOnlyAndOneWithErrors() throws Exception {
    Files.delete(data.resolve("phenopackets/STXBP1/broken.json"));
    Files.delete(data.resolve("cases/extra.tsv"));
    String out = runCli("data", "validate", "--data", data.toString(), "--json");
    List<String> lines = out.lines().toList();
    assertEquals(1, lines.size(), out);
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
    assertTrue(json.get("ok").asBoolean());
    assertEquals(0, json.get("errors").asInt());
    assertTrue(json.get("warnings").asInt() > 0);
    assertEquals(5, json.at("/sources/phenopackets/cases").asInt());
    assertEquals(0, lastExit);

    write(data.resolve("phenopackets/STXBP1/broken.json"), "{");
    runCli("data", "validate", "--data", data.toString(), "--json");
    assertEquals(1, lastExit);
  }

  private int lastExit;

  private String runCli(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      System.setErr(quiet);
      lastExit = Main.run(args);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
