package org.detecta.cli;

import java.nio.file.Path;
import java.util.List;
import org.detecta.cases.Issue;

/**
 * Evaluation on a patient table (DDXPlus or Kaggle CSV) is all-or-nothing: a figure measured on a file with
 * malformed rows or findings the model cannot read would silently describe another population. Both checks
 * throw {@link IllegalArgumentException} (exit 2) with what is wrong and where.
 */
final class CsvChecks {
  private static final int SHOWN = 5;

  private CsvChecks() {
  }

  static void refuseMalformedRows(Path file, List<Issue> issues) {
    List<Issue> errors = issues.stream().filter(i -> i.severity() == Issue.Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(errors.size() + " malformed row(s) in " + file + ", e.g. "
          + errors.subList(0, Math.min(SHOWN, errors.size())) + "; fix or remove them and evaluate again");
    }
  }

  static void refuseUnknownFindings(Path file, String model, List<String> unknown) {
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(unknown.size() + " finding name(s) in " + file + " are unknown to model '" + model
          + "', e.g. " + unknown.subList(0, Math.min(SHOWN, unknown.size())) + "; evaluate with the model trained on"
          + " this source (ddxplus for DDXPlus patients, kaggle-symptoms for the Kaggle table) or with detecta");
    }
  }
}
