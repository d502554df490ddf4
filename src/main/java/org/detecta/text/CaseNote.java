package org.detecta.text;

import org.detecta.cases.PatientCase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A clinical note written for a coded case (e.g. a phenopacket): the case id and the note. Read from a TSV
 * ({@code case id<TAB>note}, {@code #} comments); {@link #asCase} rebuilds the case with only the note's findings.
 */
public record CaseNote(String caseId, String note) {
  public CaseNote {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(note, "note");
  }

  /** Reads the TSV; a malformed line or a repeated id is an error naming the file and line. */
  public static List<CaseNote> read(Path tsv) throws IOException {
    List<CaseNote> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 2 || cols[0].isBlank() || cols[1].isBlank()) {
        throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": expected 'case id<TAB>note'");
      }
      if (!seen.add(cols[0].strip())) {
        throw new IllegalArgumentException(tsv + ":" + (i + 1) + ": case " + cols[0].strip() + " appears twice");
      }
      out.add(new CaseNote(cols[0].strip(), cols[1]));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(tsv + ": no notes");
    }
    return out;
  }

  /** {@code coded} with its observed and excluded findings replaced by those the note gives (diagnoses kept). */
  public PatientCase asCase(PatientCase coded, NoteFindings findings) {
    if (!coded.id().equals(caseId)) {
      throw new IllegalArgumentException("Note for " + caseId + " applied to case " + coded.id());
    }
    return new PatientCase(coded.id(), coded.source() + " (note)", coded.publication(), coded.sex(), coded.ageYears(),
        findings.observed(), findings.excluded(), coded.diagnoses());
  }
}
