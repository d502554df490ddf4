package org.detecta.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.detecta.cases.CaseBatch;
import org.detecta.cases.CasesTsvReader;
import org.detecta.cases.Issue;
import org.detecta.cases.PatientCase;
import org.detecta.cases.PhenopacketReader;
import org.detecta.kb.DiseaseProfile;
import org.detecta.kb.KnowledgeBase;
import org.detecta.kb.KnowledgeBaseLoader;
import org.detecta.kb.PhenotypeAnnotation;
import org.detecta.kb.SkippedAnnotation;
import org.detecta.kb.TermResolution;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a data directory source by source: the HPO knowledge base (counts, annotations it had to skip), case
 * collections (phenopackets, cases TSVs under {@code cases/}: counts, HPO ids that are alternative, obsolete or
 * unknown, diseases absent from the knowledge base, duplicates, malformed entries with file and line), DDXPlus and
 * Kaggle files (presence, record counts, headers) and the sha256 of every file recorded in {@link Manifest}.
 * Expected findings (newer HPO ids, diseases missing from an older KB) are warnings; unreadable or corrupt files errors.
 */
public final class DataValidator {
  private static final int MAX_EXAMPLES = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintStream log;

  public DataValidator(PrintStream log) {
    this.log = log;
  }

  public ValidationReport validate(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("Data directory " + dataDir + " does not exist; run './detecta data fetch'"
          + " or pass --data DIR");
    }
    ValidationReport report = new ValidationReport(dataDir.toString());
    Optional<KnowledgeBase> kb = hpo(dataDir, report);
    Path phenopackets = dataDir.resolve("phenopackets");
    if (Files.isDirectory(phenopackets)) {
      log.println("validate: reading phenopackets in " + phenopackets);
      cases("phenopackets", new PhenopacketReader().read(phenopackets), jsonFiles(phenopackets), kb, report);
    }
    Path tsvDir = dataDir.resolve("cases");
    if (Files.isDirectory(tsvDir)) {
      try (Stream<Path> files = Files.list(tsvDir)) {
        for (Path tsv : files.filter(p -> p.getFileName().toString().matches("(?i).*\\.tsv(\\.gz)?")).sorted().toList()) {
          cases("cases/" + tsv.getFileName(), new CasesTsvReader().read(tsv), 1, kb, report);
        }
      }
    }
    ddxplus(dataDir.resolve("ddxplus"), report);
    kaggle(dataDir.resolve("kaggle-disease-symptom"), report);
    manifest(dataDir, report);
    return report;
  }

  private Optional<KnowledgeBase> hpo(Path dataDir, ValidationReport report) {
    Map<String, Object> facts = report.source("hpo");
    Path dir = dataDir.resolve("hpo");
    boolean complete = true;
    for (String name : List.of("hp.json", "phenotype.hpoa")) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        report.add("hpo", new Issue(Issue.Severity.ERROR, dir.resolve(name).toString(), "missing",
            "run './detecta data fetch --only hpo'"));
        complete = false;
      }
    }
    facts.put("present", complete);
    if (!complete) {
      return Optional.empty();
    }
    log.println("validate: loading the knowledge base from " + dir);
    KnowledgeBase kb;
    try {
      kb = KnowledgeBaseLoader.loadFromDataDir(dataDir);
    } catch (RuntimeException e) {
      report.add("hpo", new Issue(Issue.Severity.ERROR, dir.toString(), "cannot load the knowledge base: " + e.getMessage(),
          "fetch the files again"));
      return Optional.empty();
    }
    facts.put("ontologyVersion", kb.release().ontologyVersion());
    facts.put("annotationsDate", kb.release().annotationsDate());
    facts.put("terms", kb.terms().size());
    facts.put("diseases", kb.diseases().size());
    facts.put("diseasesByDatabase", new TreeMap<>(kb.diseases().stream()
        .collect(Collectors.groupingBy(DiseaseProfile::database, Collectors.counting()))));
    List<PhenotypeAnnotation> all = kb.diseases().stream().flatMap(d -> d.annotations().stream()).toList();
    facts.put("annotations", all.size());
    facts.put("annotationsWithFrequency", all.stream().filter(a -> a.frequencyKnown() && !a.excluded()).count());
    facts.put("annotationsExcluded", all.stream().filter(PhenotypeAnnotation::excluded).count());
    facts.put("annotationsSkipped", kb.skippedAnnotations().size());
    Map<String, List<SkippedAnnotation>> byTerm = kb.skippedAnnotations().stream()
        .collect(Collectors.groupingBy(SkippedAnnotation::termId, TreeMap::new, Collectors.toList()));
    byTerm.forEach((term, rows) -> report.add("hpo", new Issue(Issue.Severity.WARNING, dir.resolve("phenotype.hpoa")
        + ":" + rows.get(0).diseaseId(), term + " is " + rows.get(0).status().name().toLowerCase() + " in hp.json; "
        + rows.size() + " annotation row(s) skipped", "use an hp.json of the same release as phenotype.hpoa")));
    return Optional.of(kb);
  }

  private void cases(String source, CaseBatch batch, long files, Optional<KnowledgeBase> kb, ValidationReport report) {
    Map<String, Object> facts = report.source(source);
    facts.put("present", true);
    facts.put("files", files);
    List<PatientCase> cases = batch.cases();
    facts.put("cases", cases.size());
    facts.put("casesWithoutPublication", cases.stream().filter(c -> c.publication().isEmpty()).count());
    facts.put("publications", cases.stream().flatMap(c -> c.publication().stream()).distinct().count());
    Set<String> diseases = cases.stream().flatMap(c -> c.diagnoses().stream()).collect(Collectors.toCollection(TreeSet::new));
    facts.put("diseasesInCases", diseases.size());
    facts.put("observedPerCaseMedian", median(cases.stream().mapToInt(c -> c.observed().size()).sorted().toArray()));
    facts.put("excludedPerCaseMedian", median(cases.stream().mapToInt(c -> c.excluded().size()).sorted().toArray()));
    report.addAll(source, batch.issues());
    kb.ifPresent(k -> {
      List<String> missing = diseases.stream().filter(d -> k.disease(d).isEmpty()).toList();
      facts.put("diseasesNotInKnowledgeBase", missing.size());
      facts.put("casesWithNoDiseaseInKnowledgeBase",
          cases.stream().filter(c -> c.diagnoses().stream().noneMatch(d -> k.disease(d).isPresent())).count());
      facts.put("diseasesNotInKnowledgeBaseExamples", missing.stream().limit(MAX_EXAMPLES).toList());
      termIds(source, cases, k, facts, report);
    });
    duplicates(source, cases, facts, report);
  }

  /** Every distinct HPO id used by the cases, resolved against the KB: one issue per id that is not current. */
  private static void termIds(String source, List<PatientCase> cases, KnowledgeBase kb, Map<String, Object> facts,
                              ValidationReport report) {
    Map<String, List<PatientCase>> usedBy = new TreeMap<>();
    for (PatientCase c : cases) {
      Stream.concat(c.observed().stream(), c.excluded().stream()).distinct()
          .forEach(id -> usedBy.computeIfAbsent(id, k -> new ArrayList<>()).add(c));
    }
    Map<TermResolution.Status, Integer> distinct = new TreeMap<>();
    Map<TermResolution.Status, Integer> uses = new TreeMap<>();
    String release = kb.terms().release();
    usedBy.forEach((id, users) -> {
      TermResolution resolution = kb.terms().resolve(id);
      distinct.merge(resolution.status(), 1, Integer::sum);
      uses.merge(resolution.status(), users.size(), Integer::sum);
      if (resolution.status() != TermResolution.Status.CURRENT) {
        String fix = switch (resolution.status()) {
          case ALTERNATIVE -> "read as " + resolution.term().orElseThrow().getValue() + "; nothing to do";
          case OBSOLETE -> resolution.term().map(t -> "read as its replacement " + t.getValue())
              .orElse("the term is ignored; replace it with a current term");
          case UNKNOWN -> "probably newer than HPO " + release + "; the term is ignored";
          default -> "the term is ignored";
        };
        report.add(source, new Issue(Issue.Severity.WARNING, users.get(0).source(),
            resolution.describe(release) + "; used by " + users.size() + " case(s)", fix));
      }
    });
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("distinct", usedBy.size());
    distinct.forEach((status, n) -> terms.put(status.name().toLowerCase(), n));
    Map<String, Object> usesByStatus = new LinkedHashMap<>();
    uses.forEach((status, n) -> usesByStatus.put(status.name().toLowerCase(), n));
    terms.put("casesUsingByStatus", usesByStatus);
    facts.put("hpoIds", terms);
  }

  /** Same id twice, or two cases with identical observed, excluded and diagnoses. */
  private static void duplicates(String source, List<PatientCase> cases, Map<String, Object> facts,
                                 ValidationReport report) {
    Map<String, List<PatientCase>> byId = cases.stream()
        .collect(Collectors.groupingBy(PatientCase::id, TreeMap::new, Collectors.toList()));
    long sameId = 0;
    for (Map.Entry<String, List<PatientCase>> e : byId.entrySet()) {
      if (e.getValue().size() > 1) {
        sameId++;
        report.add(source, new Issue(Issue.Severity.WARNING, e.getValue().get(1).source(), "case id " + e.getKey()
            + " is used " + e.getValue().size() + " times (first at " + e.getValue().get(0).source() + ")",
            "give each case its own id"));
      }
    }
    Map<String, List<PatientCase>> byContent = cases.stream().collect(Collectors.groupingBy(
        c -> new TreeSet<>(c.observed()) + "|" + new TreeSet<>(c.excluded()) + "|" + new TreeSet<>(c.diagnoses()),
        LinkedHashMap::new, Collectors.toList()));
    long groups = 0;
    long extra = 0;
    for (List<PatientCase> group : byContent.values()) {
      if (group.size() > 1 && group.stream().map(PatientCase::id).distinct().count() > 1) {
        groups++;
        extra += group.size() - 1;
        report.add(source, new Issue(Issue.Severity.WARNING, group.get(1).source(), group.size()
            + " cases have identical observed, excluded and disease content: " + group.stream().limit(5)
            .map(PatientCase::id).collect(Collectors.joining(", ")) + (group.size() > 5 ? ", ..." : ""),
            "check for a case reported twice; keep such cases in the same split"));
      }
    }
    facts.put("duplicateIds", sameId);
    facts.put("identicalContentGroups", groups);
    facts.put("identicalContentExtraCases", extra);
  }

  private void ddxplus(Path dir, ValidationReport report) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Map<String, Object> facts = report.source("ddxplus");
    facts.put("present", true);
    facts.put("evidences", jsonEntries(dir.resolve("release_evidences.json"), "ddxplus", report));
    facts.put("conditions", jsonEntries(dir.resolve("release_conditions.json"), "ddxplus", report));
    Map<String, Object> patients = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path csv : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
        patients.put(csv.getFileName().toString(), csv(csv, "ddxplus", report,
            csv.getFileName().toString().equals("patients.csv")
                ? List.of("age", "top5_diagnoses", "sex", "diagnosis", "features", "feature_id")
                : List.of("AGE", "DIFFERENTIAL_DIAGNOSIS", "SEX", "PATHOLOGY", "EVIDENCES", "INITIAL_EVIDENCE")));
      }
    }
    if (patients.isEmpty()) {
      report.add("ddxplus", new Issue(Issue.Severity.WARNING, dir.toString(), "no patient CSV file",
          "add patients.csv or the official release_*_patients.csv"));
    }
    facts.put("patientFiles", patients);
  }

  private void kaggle(Path dir, ValidationReport report) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Map<String, Object> facts = report.source("kaggle");
    facts.put("present", true);
    for (String name : List.of("Training.csv", "Testing.csv")) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        report.add("kaggle", new Issue(Issue.Severity.ERROR, file.toString(), "missing", "download the Kaggle set by hand"));
        continue;
      }
      Map<String, Object> shape = csv(file, "kaggle", report, List.of("prognosis"));
      facts.put(name, shape);
    }
    for (String name : List.of("dataset.csv", "Symptom_severity.csv", "symptom_Description.csv", "symptom_precaution.csv")) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        CsvShape shape = CsvShape.of(file);
        facts.put(name, Map.of("records", shape.records(), "columns", shape.header().size()));
        if (name.equals("dataset.csv") && shape.header().stream().allMatch(String::isBlank)) {
          report.add("kaggle", new Issue(Issue.Severity.WARNING, file + ":1", "header line is blank",
              "columns are read by position: Disease, Symptom_1..17"));
        }
      }
    }
  }

  private static Map<String, Object> csv(Path file, String source, ValidationReport report, List<String> required)
      throws IOException {
    CsvShape shape = CsvShape.of(file);
    List<String> missing = required.stream().filter(c -> !shape.header().contains(c)).toList();
    if (!missing.isEmpty()) {
      report.add(source, new Issue(Issue.Severity.ERROR, file + ":1", "header lacks column(s) " + missing
          + " (found " + shape.header().stream().limit(8).toList() + (shape.header().size() > 8 ? "..." : "") + ")", ""));
    }
    shape.raggedRecords().forEach(r -> report.add(source, new Issue(Issue.Severity.ERROR, file.toString(), r, "")));
    if (shape.records() == 0) {
      report.add(source, new Issue(Issue.Severity.ERROR, file.toString(), "no data rows", ""));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("records", shape.records());
    facts.put("columns", shape.header().size());
    return facts;
  }

  private static int jsonEntries(Path file, String source, ValidationReport report) {
    if (!Files.isRegularFile(file)) {
      report.add(source, new Issue(Issue.Severity.ERROR, file.toString(), "missing", "download it by hand"));
      return 0;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || !root.isContainerNode() || root.isEmpty()) {
        report.add(source, new Issue(Issue.Severity.ERROR, file.toString(), "expected a non-empty JSON object", ""));
        return 0;
      }
      return root.size();
    } catch (IOException e) {
      report.add(source, new Issue(Issue.Severity.ERROR, file.toString(), "not valid JSON: " + e.getMessage(), ""));
      return 0;
    }
  }

  /** Files recorded by {@code data fetch} must still have their recorded size and sha256. */
  private void manifest(Path dataDir, ValidationReport report) throws IOException {
    Manifest manifest;
    try {
      manifest = Manifest.read(dataDir);
    } catch (IOException e) {
      report.add("manifest", new Issue(Issue.Severity.ERROR, dataDir.resolve(Manifest.FILE_NAME).toString(),
          e.getMessage(), ""));
      return;
    }
    if (manifest.files().isEmpty()) {
      return;
    }
    Map<String, Object> facts = report.source("manifest");
    int verified = 0;
    for (Map.Entry<String, Manifest.Entry> e : new TreeMap<>(manifest.files()).entrySet()) {
      Path file = dataDir.resolve(e.getKey());
      if (!Files.isRegularFile(file)) {
        report.add("manifest", new Issue(Issue.Severity.WARNING, file.toString(), "recorded in " + Manifest.FILE_NAME
            + " but missing", "run './detecta data fetch' again"));
        continue;
      }
      if (Files.size(file) != e.getValue().size() || !HttpDownloader.sha256(file).equals(e.getValue().sha256())) {
        report.add("manifest", new Issue(Issue.Severity.ERROR, file.toString(), "sha256 differs from the one recorded"
            + " when it was downloaded from " + e.getValue().url() + ": the file was changed or is corrupt",
            "run './detecta data fetch' again"));
        continue;
      }
      verified++;
    }
    facts.put("files", manifest.files().size());
    facts.put("verified", verified);
  }

  private static long jsonFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches("(?i).*\\.json(\\.gz)?")).count();
    }
  }

  private static double median(int[] sorted) {
    if (sorted.length == 0) {
      return 0;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }
}
