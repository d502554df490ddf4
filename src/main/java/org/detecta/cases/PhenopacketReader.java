package org.detecta.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads GA4GH Phenopacket v2 JSON: one file, or every {@code .json} file below a directory (in sorted
 * order, so results are reproducible). Observed and excluded phenotypic features, diseases (from
 * {@code diseases} and from interpretations), sex, age at last encounter, and the PMID from
 * {@code metaData.externalReferences}. Also read, as other sources write them: v1 features ({@code negated}
 * instead of {@code excluded}), a Family (its {@code proband}), a Cohort (each of its {@code members}), and ids
 * spelled differently ({@link CaseIds}: {@code MIM:}, {@code Orphanet:}, {@code HP_0001250}).
 */
public final class PhenopacketReader implements CaseReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PMID_IN_ID = Pattern.compile("^PMID_(\\d+)_");
  private static final Pattern CURIE = Pattern.compile("[A-Za-z][A-Za-z0-9_.]*:\\S+");

  @Override
  public CaseBatch read(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(p -> Files.isRegularFile(p) && CaseFiles.baseName(p).endsWith(".json"))
            .sorted().toList();
      }
      List<CaseBatch> batches = new ArrayList<>(files.size());
      for (Path file : files) {
        batches.add(readFile(file));
      }
      return CaseBatch.concat(batches);
    }
    return readFile(path);
  }

  private CaseBatch readFile(Path file) throws IOException {
    try (InputStream in = CaseFiles.open(file)) {
      return read(in, file.toString());
    }
  }

  @Override
  public CaseBatch read(InputStream in, String sourceName) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
      return new CaseBatch(List.of(), List.of(new Issue(Issue.Severity.ERROR, sourceName + line,
          "not valid JSON: " + e.getOriginalMessage(), "fix the JSON syntax; the file was skipped")));
    }
    if (root == null || !root.isObject()) {
      return new CaseBatch(List.of(), List.of(Issue.error(sourceName, "not a phenopacket: expected a JSON object")));
    }
    if (root.path("proband").isObject()) { // a Family: the proband is the patient
      return readPacket(root.get("proband"), sourceName + ":proband");
    }
    if (root.path("members").isArray()) { // a Cohort
      List<CaseBatch> members = new ArrayList<>();
      for (int i = 0; i < root.get("members").size(); i++) {
        members.add(readPacket(root.get("members").get(i), sourceName + ":members[" + i + "]"));
      }
      return CaseBatch.concat(members);
    }
    return readPacket(root, sourceName);
  }

  private CaseBatch readPacket(JsonNode root, String sourceName) {
    List<Issue> issues = new ArrayList<>();
    String id = root.path("id").asText("");
    if (id.isBlank()) {
      issues.add(Issue.error(sourceName + ":id", "phenopacket has no id"));
      return new CaseBatch(List.of(), issues);
    }
    List<String> observed = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    JsonNode features = root.path("phenotypicFeatures");
    for (int i = 0; i < features.size(); i++) {
      JsonNode feature = features.get(i);
      String term = CaseIds.term(feature.path("type").path("id").asText(""));
      if (!CURIE.matcher(term).matches()) {
        issues.add(Issue.error(sourceName + ":phenotypicFeatures[" + i + "]",
            "feature has no valid term id (found '" + term + "')"));
        continue;
      }
      boolean absent = feature.path("excluded").asBoolean(false) || feature.path("negated").asBoolean(false); // v2, v1
      (absent ? excluded : observed).add(term);
    }
    List<String> diagnoses = diagnoses(root);
    if (diagnoses.isEmpty()) {
      issues.add(Issue.warning(sourceName + ":diseases", "case " + id + " has no disease"));
    }
    if (observed.isEmpty()) {
      issues.add(Issue.warning(sourceName + ":phenotypicFeatures", "case " + id + " has no observed feature"));
    }
    PatientCase patient = new PatientCase(id, sourceName, publication(root, id),
        Sex.parse(root.path("subject").path("sex").asText(null)), age(root.path("subject"), sourceName, issues),
        dedupe(observed), dedupe(excluded), diagnoses);
    return new CaseBatch(List.of(patient), issues);
  }

  private static List<String> diagnoses(JsonNode root) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode disease : root.path("diseases")) {
      if (!disease.path("excluded").asBoolean(false)) {
        addIfPresent(ids, disease.path("term").path("id").asText(""));
      }
    }
    for (JsonNode interpretation : root.path("interpretations")) {
      addIfPresent(ids, interpretation.path("diagnosis").path("disease").path("id").asText(""));
    }
    return List.copyOf(ids);
  }

  private static void addIfPresent(Set<String> ids, String id) {
    if (!id.isBlank()) {
      ids.add(CaseIds.disease(id));
    }
  }

  private static Optional<String> publication(JsonNode root, String id) {
    for (JsonNode reference : root.path("metaData").path("externalReferences")) {
      String ref = reference.path("id").asText("");
      if (ref.startsWith("PMID:")) {
        return Optional.of(ref);
      }
    }
    Matcher m = PMID_IN_ID.matcher(id);
    return m.find() ? Optional.of("PMID:" + m.group(1)) : Optional.empty();
  }

  /** Age in years from an ISO 8601 duration ({@code P3Y6M}, {@code P10W}, {@code P2DT3H}); hours are ignored. */
  private static Optional<Double> age(JsonNode subject, String sourceName, List<Issue> issues) {
    String iso = subject.path("timeAtLastEncounter").path("age").path("iso8601duration").asText("").trim();
    if (iso.isBlank()) {
      return Optional.empty();
    }
    try {
      String datePart = iso.replaceAll("T.*$", "");
      Period period = Period.parse(datePart.equals("P") ? "P0D" : datePart);
      double years = period.getYears() + period.getMonths() / 12.0 + period.getDays() / 365.25;
      if (years < 0) {
        throw new DateTimeParseException("negative age", iso, 0);
      }
      return Optional.of(years);
    } catch (DateTimeParseException e) {
      issues.add(new Issue(Issue.Severity.WARNING, sourceName + ":subject.timeAtLastEncounter.age.iso8601duration",
          "'" + iso + "' is not an ISO 8601 duration; age left unknown", "write it like P3Y6M"));
      return Optional.empty();
    }
  }

  private static List<String> dedupe(List<String> ids) {
    return List.copyOf(new LinkedHashSet<>(ids));
  }
}
