package org.detecta.cli;

import org.detecta.Detecta;
import org.detecta.cases.PatientCase;
import org.detecta.cases.PhenopacketReader;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.pipeline.CaseEvaluator;
import org.detecta.pipeline.RankingMetrics;
import org.detecta.text.CaseNote;
import org.detecta.text.Language;
import org.detecta.text.NoteExtractor;
import org.detecta.text.NoteFindings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code detecta evaluate --note-cases FILE}: for phenopackets with a note written for them, the rank of the
 * right disease from the coded terms and from the note's findings alone, with the same model.
 */
final class NoteCaseEvaluation {
  /** Both ways of ranking the same cases. */
  record Comparison(List<PatientCase> coded, List<PatientCase> fromNotes, int[] codedRanks, int[] noteRanks) {
    Map<String, Object> summary(String which) {
      int[] ranks = which.equals("coded") ? codedRanks : noteRanks;
      RankingMetrics m = RankingMetrics.of(ranks);
      Map<String, Object> out = new LinkedHashMap<>(m.asMap());
      int[] listed = Arrays.stream(ranks).map(r -> r == 0 ? Integer.MAX_VALUE : r).sorted().toArray();
      out.put("median_rank", listed[listed.length / 2] == Integer.MAX_VALUE ? 0 : listed[listed.length / 2]);
      return out;
    }
  }

  private NoteCaseEvaluation() {
  }

  /** Reads the notes, finds each phenopacket by id under {@code packets}, ranks both ways. */
  static Comparison compare(Path notesTsv, Path packets, NoteExtractor extractor, Language language,
                            DiagnosticModel model) throws IOException, InterruptedException {
    List<CaseNote> notes = CaseNote.read(notesTsv);
    Map<String, PatientCase> byId = phenopackets(packets, notes);
    List<PatientCase> coded = new ArrayList<>();
    List<PatientCase> fromNotes = new ArrayList<>();
    for (CaseNote note : notes) {
      PatientCase patient = byId.get(note.caseId());
      if (patient == null) {
        throw new IllegalArgumentException(notesTsv + ": no phenopacket " + note.caseId() + ".json under " + packets);
      }
      coded.add(patient);
      fromNotes.add(note.asCase(patient, NoteFindings.of(extractor.extract(note.note(), language))));
    }
    CaseEvaluator evaluator = new CaseEvaluator(model, 2);
    return new Comparison(coded, fromNotes, CaseEvaluator.ranks(evaluator.evaluate(coded, 0, 1)),
        CaseEvaluator.ranks(evaluator.evaluate(fromNotes, 0, 1)));
  }

  private static Map<String, PatientCase> phenopackets(Path packets, List<CaseNote> notes) throws IOException {
    if (!Files.isDirectory(packets)) {
      throw new IllegalArgumentException("No phenopackets directory " + packets);
    }
    Map<String, Path> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(packets, 2)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".json"))
          .forEach(p -> files.putIfAbsent(p.getFileName().toString().replaceFirst("\\.json$", ""), p));
    }
    Map<String, PatientCase> out = new HashMap<>();
    PhenopacketReader reader = new PhenopacketReader();
    for (CaseNote note : notes) {
      Path file = files.get(note.caseId());
      if (file != null) {
        for (PatientCase c : reader.read(file).cases()) {
          out.put(note.caseId(), c);
        }
      }
    }
    return out;
  }

  static int run(Detecta detecta, Path notesTsv, String modelRef, String lang, JsonOutput output, PrintStream err)
      throws Exception {
    if (!Files.isRegularFile(notesTsv)) {
      throw new IllegalArgumentException("--note-cases " + notesTsv + ": no such file");
    }
    ModelLoader.Loaded loaded = ModelLoader.load(detecta, modelRef);
    long start = System.nanoTime();
    Comparison c = compare(notesTsv, detecta.paths().data().resolve("phenopackets"), detecta.noteExtractor(),
        Language.parse(lang), loaded.model());
    double seconds = (System.nanoTime() - start) / 1e9;
    java.util.Set<String> trainedIds = loaded.model() instanceof org.detecta.rank.RareEngine e ? e.trainingCaseIds()
        : java.util.Set.of();
    err.println("case\tdisease\tcoded_rank\tnote_rank\tcoded_observed/excluded\tnote_observed/excluded"
        + "\tcoded_observed_in_note\tmodel_trained_on_case");
    for (int i = 0; i < c.coded().size(); i++) {
      PatientCase coded = c.coded().get(i);
      PatientCase note = c.fromNotes().get(i);
      long shared = coded.observed().stream().filter(note.observed()::contains).count();
      err.printf("%s\t%s\t%d\t%d\t%d/%d\t%d/%d\t%d\t%s%n", coded.id(), String.join("|", coded.diagnoses()),
          c.codedRanks()[i], c.noteRanks()[i], coded.observed().size(), coded.excluded().size(),
          note.observed().size(), note.excluded().size(), shared, trainedIds.contains(coded.id()));
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("model", loaded.version().ref());
    line.put("cases", c.coded().size());
    if (loaded.model() instanceof org.detecta.rank.RareEngine engine) {
      long trained = c.coded().stream().filter(p -> engine.trainingCaseIds().contains(p.id())).count();
      line.put("trained_on", trained);
      if (trained > 0) {
        err.printf("warning: the model was trained on %d of these %d cases (coded terms); both figures are optimistic%n",
            trained, c.coded().size());
      }
    }
    line.put("coded", c.summary("coded"));
    line.put("note", c.summary("note"));
    line.put("seconds", seconds);
    output.print(() -> line, () -> System.out.println(line));
    return ExitCodes.OK;
  }
}
