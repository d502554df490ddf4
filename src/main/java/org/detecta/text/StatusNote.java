package org.detecta.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A note with its expected findings and statuses, read from a TSV test set ({@code id<TAB>text<TAB>HP:...=status;...});
 * the same id may appear with two statuses ("sin crisis" for the patient, "madre con crisis").
 */
public record StatusNote(String id, String text, List<Expected> expected) {
  private static final Pattern ID = Pattern.compile("HP:\\d{7}");

  /** One expected finding. */
  public record Expected(String hpoId, FindingStatus status) {
  }

  public StatusNote {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    expected = List.copyOf(expected);
  }

  /** The notes of a TSV named {@code source} in messages (blank lines, {@code #} comments and the header skipped). */
  public static List<StatusNote> read(InputStream in, String source) throws IOException {
    List<StatusNote> notes = new ArrayList<>();
    for (TsvResource.Row row : TsvResource.rows(in, source, "id")) {
      String[] cols = row.columns();
      String where = row.where();
      if (cols.length != 3) {
        throw new IllegalArgumentException(where + "expected id<TAB>text<TAB>HP:nnnnnnn=status;..., got " + cols.length + " columns");
      }
      List<Expected> expected = new ArrayList<>();
      for (String item : cols[2].split(";")) {
        String[] pair = item.trim().split("=");
        if (pair.length != 2 || !ID.matcher(pair[0]).matches()) {
          throw new IllegalArgumentException(where + "bad expected finding '" + item + "' (use HP:nnnnnnn=status)");
        }
        expected.add(new Expected(pair[0], FindingStatus.parse(pair[1])));
      }
      notes.add(new StatusNote(cols[0], cols[1], expected));
    }
    return notes;
  }
}
