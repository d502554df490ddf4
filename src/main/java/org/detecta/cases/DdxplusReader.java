package org.detecta.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a DDXPlus patient CSV ({@code AGE, DIFFERENTIAL_DIAGNOSIS/top5_diagnoses, SEX, PATHOLOGY/diagnosis,
 * EVIDENCES/features, INITIAL_EVIDENCE/feature_id}; both the official upper-case and the lower-case
 * headers are accepted). Evidence lists and the differential are Python literals; tokens are kept as
 * written ({@code E_91}, {@code E_54_@_V_179}, {@code E_56_@_2}). Evidence codes are checked against
 * the release files by the pipeline's validation, not here, so the reader needs nothing but the CSV.
 */
public final class DdxplusReader implements CaseReader {
  public static final String SOURCE = "ddxplus";
  private static final Pattern TOKEN = Pattern.compile("['\"]([^'\"]+)['\"]");
  private static final Pattern PAIR = Pattern.compile("\\[\\s*(?:'([^']*)'|\"([^\"]*)\")\\s*,\\s*([-+0-9.eE]+)\\s*\\]");
  private static final Pattern EVIDENCE = Pattern.compile("E_\\d+(_@_(V_\\d+|-?\\d+(\\.\\d+)?))?");

  /** Both spellings of each column: the shared subset's and the official release's. */
  private enum Column {
    AGE("age", "AGE"), DIFFERENTIAL("top5_diagnoses", "DIFFERENTIAL_DIAGNOSIS"), SEX("sex", "SEX"),
    DIAGNOSIS("diagnosis", "PATHOLOGY"), FEATURES("features", "EVIDENCES"), INITIAL("feature_id", "INITIAL_EVIDENCE"),
    /** Optional: a stable patient id (synthetic files and lake exports carry one); else file:line. */
    ID("patient_id", "PATIENT_ID");

    final String lower;
    final String official;

    Column(String lower, String official) {
      this.lower = lower;
      this.official = official;
    }

    int indexIn(List<String> header) {
      int i = header.indexOf(lower);
      return i >= 0 ? i : header.indexOf(official);
    }
  }

  /** Patients read with their DDXPlus extras, and every problem found. */
  public record Batch(List<DdxplusPatient> patients, List<Issue> issues) {
    public Batch {
      patients = List.copyOf(patients);
      issues = List.copyOf(issues);
    }

    public CaseBatch cases() {
      return new CaseBatch(patients.stream().map(DdxplusPatient::patient).toList(), issues);
    }
  }

  /** True when a CSV header line is a DDXPlus patient header. */
  public static boolean recognises(String header) {
    List<String> columns = CsvLine.split(header.replace("\uFEFF", "").trim());
    return (columns.contains("features") || columns.contains("EVIDENCES"))
        && (columns.contains("diagnosis") || columns.contains("PATHOLOGY"));
  }

  @Override
  public CaseBatch read(Path path) throws IOException {
    return readPatients(path).cases();
  }

  @Override
  public CaseBatch read(InputStream in, String sourceName) throws IOException {
    return readPatients(in, sourceName).cases();
  }

  public Batch readPatients(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return readPatients(in, path.toString());
    }
  }

  public Batch readPatients(InputStream in, String sourceName) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Issue> issues = new ArrayList<>();
    Optional<Cursor> cursor = open(reader, sourceName, issues);
    List<DdxplusPatient> patients = new ArrayList<>();
    if (cursor.isPresent()) {
      DdxplusPatient patient;
      while ((patient = cursor.get().next(issues)) != null) {
        patients.add(patient);
      }
    }
    return new Batch(patients, issues);
  }

  /**
   * Starts reading patients one at a time (bounded memory, for batch scoring). Empty, with an error issue,
   * when the header is not a DDXPlus patient header.
   */
  public Optional<Cursor> open(BufferedReader reader, String sourceName, List<Issue> issues) throws IOException {
    String header = reader.readLine();
    if (header == null || !recognises(header)) {
      issues.add(new Issue(Issue.Severity.ERROR, sourceName + ":1", "not a DDXPlus patient header: " + header,
          "expected columns age, top5_diagnoses, sex, diagnosis, features, feature_id"));
      return Optional.empty();
    }
    return Optional.of(new Cursor(reader, sourceName, Layout.of(header)));
  }

  /**
   * Where each column is in one file's header; parses that file's lines anywhere (Serializable, so a Spark
   * engine parses exactly as this reader does).
   */
  public static final class Layout implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] at;
    private final int width;

    private Layout(int[] at, int width) {
      this.at = at;
      this.width = width;
    }

    /** The layout of a recognised header; fails with the expected columns otherwise. */
    public static Layout of(String header) {
      if (header == null || !recognises(header)) {
        throw new IllegalArgumentException("not a DDXPlus patient header: " + header
            + " (expected columns age, top5_diagnoses, sex, diagnosis, features, feature_id)");
      }
      List<String> columns = CsvLine.split(header.replace("\uFEFF", "").trim()).stream().map(String::trim).toList();
      int[] at = new int[Column.values().length];
      for (Column column : Column.values()) {
        at[column.ordinal()] = column.indexIn(columns);
      }
      return new Layout(at, columns.size());
    }

    /** One data line ({@code location} = file:line); empty, with an issue, when it cannot be read. */
    public Optional<DdxplusPatient> parse(String line, String location, List<Issue> issues) {
      return row(CsvLine.split(line), at, width, location, issues);
    }
  }

  /** Patients of one open file, in file order; malformed rows become issues and are skipped. */
  public static final class Cursor {
    private final BufferedReader reader;
    private final String sourceName;
    private final Layout layout;
    private int lineNo = 1;

    private Cursor(BufferedReader reader, String sourceName, Layout layout) {
      this.reader = reader;
      this.sourceName = sourceName;
      this.layout = layout;
    }

    /** The next readable patient, or null at the end of the file. */
    public DdxplusPatient next(List<Issue> issues) throws IOException {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        Optional<DdxplusPatient> patient = layout.parse(line, sourceName + ":" + lineNo, issues);
        if (patient.isPresent()) {
          return patient.get();
        }
      }
      return null;
    }
  }

  private static Optional<DdxplusPatient> row(List<String> cells, int[] at, int width, String location, List<Issue> issues) {
    if (cells.size() != width) {
      issues.add(Issue.error(location, "expected " + width + " columns, found " + cells.size()));
      return Optional.empty();
    }
    String diagnosis = cell(cells, at, Column.DIAGNOSIS);
    if (diagnosis.isEmpty()) {
      issues.add(Issue.error(location, "empty diagnosis"));
      return Optional.empty();
    }
    Optional<Double> age = Optional.empty();
    String ageText = cell(cells, at, Column.AGE);
    if (!ageText.isEmpty()) {
      try {
        double value = Double.parseDouble(ageText);
        if (value < 0 || value > 130) {
          throw new NumberFormatException();
        }
        age = Optional.of(value);
      } catch (NumberFormatException e) {
        issues.add(Issue.warning(location, "age '" + ageText + "' is not a number in 0..130; treated as missing"));
      }
    }
    LinkedHashSet<String> observed = new LinkedHashSet<>();
    List<String> bad = new ArrayList<>();
    Matcher tokens = TOKEN.matcher(cell(cells, at, Column.FEATURES));
    while (tokens.find()) {
      String token = tokens.group(1).trim();
      (EVIDENCE.matcher(token).matches() ? observed : bad).add(token);
    }
    if (!bad.isEmpty()) {
      issues.add(Issue.error(location, "malformed evidence token(s) " + bad + " skipped"));
    }
    if (observed.isEmpty()) {
      issues.add(Issue.warning(location, "patient has no evidence"));
    }
    List<DdxplusPatient.RankedDiagnosis> reference = new ArrayList<>();
    Matcher pairs = PAIR.matcher(cell(cells, at, Column.DIFFERENTIAL));
    while (pairs.find()) {
      String name = pairs.group(1) != null ? pairs.group(1) : pairs.group(2);
      reference.add(new DdxplusPatient.RankedDiagnosis(name, Double.parseDouble(pairs.group(3))));
    }
    String givenId = cell(cells, at, Column.ID);
    String id = givenId.isEmpty() ? SOURCE + ":" + KaggleSymptomReader.shortLocation(location) : givenId;
    PatientCase patient = new PatientCase(id, location,
        Optional.empty(), Sex.parse(cell(cells, at, Column.SEX)), age, List.copyOf(observed), List.of(), List.of(diagnosis));
    return Optional.of(new DdxplusPatient(patient, cell(cells, at, Column.INITIAL), reference));
  }

  private static String cell(List<String> cells, int[] at, Column column) {
    int i = at[column.ordinal()];
    return i < 0 || i >= cells.size() ? "" : cells.get(i).trim();
  }
}
