package org.detecta.serve;

import org.detecta.kb.TermIndex;
import org.detecta.kb.TermResolution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a user sent into what a model takes: HPO ids are checked against the ontology (alternative
 * ids map to the current term; unknown ids are errors naming each one), a model's own input names pass as
 * they are, and labels or synonyms in Spanish or English are looked up (accent- and case-insensitive),
 * preferring a name the chosen model knows. Anything else is reported back as unrecognised.
 */
public final class FindingResolver {
  private final Vocabulary vocabulary;

  public FindingResolver(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  public ResolvedFindings resolve(List<String> observed, List<String> excluded, ServedModel model) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    List<String> unrecognised = new ArrayList<>();
    List<String> obs = resolveAll("observed", observed, model, problems, unrecognised);
    List<String> exc = resolveAll("excluded", excluded, model, problems, unrecognised);
    if (!problems.isEmpty()) {
      throw new ApiException(422, "unknown_terms", problems.size() + " finding id(s) are not current HPO terms"
          + vocabulary.hpo().map(h -> " (HPO " + h.release() + ")").orElse(""), problems);
    }
    return new ResolvedFindings(obs, exc, unrecognised);
  }

  private List<String> resolveAll(String field, List<String> findings, ServedModel model,
                                  List<ApiException.FieldProblem> problems, List<String> unrecognised) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < findings.size(); i++) {
      String text = findings.get(i).strip();
      String where = field + "[" + i + "]";
      if (text.toUpperCase(Locale.ROOT).startsWith("HP:")) {
        hpoId(text.toUpperCase(Locale.ROOT), where, problems).ifPresent(out::add);
      } else if (model.inputs().contains(text)) {
        out.add(text);
      } else {
        Optional<String> id = byLabel(text, model);
        if (id.isPresent()) {
          out.add(id.get());
        } else {
          unrecognised.add(text);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private Optional<String> hpoId(String id, String where, List<ApiException.FieldProblem> problems) {
    Optional<TermIndex> hpo = vocabulary.hpo();
    if (hpo.isEmpty()) {
      return Optional.of(id); // no ontology loaded here: the model judges the id itself
    }
    TermResolution resolution = hpo.get().resolve(id);
    if (resolution.usable()) {
      return resolution.term().map(t -> t.getValue());
    }
    problems.add(new ApiException.FieldProblem(where, id, resolution.describe(hpo.get().release())));
    return Optional.empty();
  }

  private Optional<String> byLabel(String text, ServedModel model) {
    List<TermEntry> hits = vocabulary.search().exact(text);
    return hits.stream().filter(e -> model.inputs().contains(e.id())).findFirst()
        .or(() -> hits.stream().filter(e -> e.source().equals("hpo")).findFirst())
        .or(() -> hits.stream().findFirst())
        .map(TermEntry::id);
  }
}
