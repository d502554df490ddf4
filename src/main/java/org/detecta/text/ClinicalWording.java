package org.detecta.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reviewed resource {@code clinical-wording.tsv}: common clinical wording the ontology's labels lack
 * ({@code lang<TAB>phrase<TAB>hpo_id[<TAB>comment]}). A phrase written in capitals (e.g. {@code DI}, {@code GDD})
 * is an abbreviation and matches only that exact spelling.
 */
public final class ClinicalWording {
  private static final Pattern ID = Pattern.compile("HP:\\d{7}");
  private static final Pattern ABBREVIATION = Pattern.compile("[A-Z][A-Z0-9]{1,7}");

  /** One reviewed phrase. */
  public record Entry(Language language, String phrase, String hpoId) {
    public boolean abbreviation() {
      return ABBREVIATION.matcher(phrase).matches();
    }
  }

  private final List<Entry> entries;

  private ClinicalWording(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static ClinicalWording empty() {
    return new ClinicalWording(List.of());
  }

  /** The wording file shipped with Detecta. */
  public static ClinicalWording bundled() {
    return TsvResource.bundled("clinical-wording.tsv", ClinicalWording::read);
  }

  public static ClinicalWording read(InputStream in, String source) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (TsvResource.Row row : TsvResource.rows(in, source, "lang")) {
      String[] cols = row.columns();
      if (cols.length < 3 || !ID.matcher(cols[2].trim()).matches() || cols[1].isBlank()) {
        throw new IllegalArgumentException(row.where() + "expected lang<TAB>phrase<TAB>HP:nnnnnnn, got '" + row.line() + "'");
      }
      Language language = Language.parse(cols[0]);
      if (language == Language.AUTO) {
        throw new IllegalArgumentException(row.where() + "language must be es or en, got 'auto'");
      }
      entries.add(new Entry(language, cols[1].trim(), cols[2].trim()));
    }
    return new ClinicalWording(entries);
  }

  /** These entries followed by {@code more} (earlier entries win a conflict, as in the file). */
  public ClinicalWording plus(List<Entry> more) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(more);
    return new ClinicalWording(all);
  }

  public List<Entry> entries(Language language) {
    return entries.stream().filter(e -> e.language() == language).toList();
  }
}
