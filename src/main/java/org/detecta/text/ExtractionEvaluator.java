package org.detecta.text;

import org.detecta.kb.TermIndex;
import org.monarchinitiative.phenol.ontology.data.TermId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores an extractor against gold mentions. Ids are compared after mapping alternative ids to their
 * current term. Every finding counts whatever its status, because GSC+ annotates mentions whether or not
 * they are negated (and FAMILY mentions too). Mention level: a prediction is correct when a gold mention
 * with the same id overlaps it; a gold mention is found when such a prediction exists. Document level:
 * the set of ids per document, micro-averaged over documents.
 */
public final class ExtractionEvaluator {
  private final TermIndex terms;

  public ExtractionEvaluator(TermIndex terms) {
    this.terms = terms;
  }

  public ExtractionScores evaluate(List<AnnotatedDocument> corpus, Function<String, List<Finding>> extractor) {
    long started = System.nanoTime();
    int mentionTruePredicted = 0;
    int mentionPredicted = 0;
    int mentionTrueGold = 0;
    int mentionGold = 0;
    int documentTrue = 0;
    int documentPredicted = 0;
    int documentGold = 0;
    for (AnnotatedDocument document : corpus) {
      List<Finding> findings = extractor.apply(document.text());
      for (Finding f : findings) {
        mentionPredicted++;
        String id = normalise(f.hpoId());
        if (document.mentions().stream().anyMatch(g -> normalise(g.hpoId()).equals(id) && overlaps(f, g))) {
          mentionTruePredicted++;
        }
      }
      for (AnnotatedDocument.Mention g : document.mentions()) {
        mentionGold++;
        String id = normalise(g.hpoId());
        if (findings.stream().anyMatch(f -> normalise(f.hpoId()).equals(id) && overlaps(f, g))) {
          mentionTrueGold++;
        }
      }
      Set<String> predictedIds = new HashSet<>();
      findings.forEach(f -> predictedIds.add(normalise(f.hpoId())));
      Set<String> goldIds = new HashSet<>();
      document.mentions().forEach(g -> goldIds.add(normalise(g.hpoId())));
      documentPredicted += predictedIds.size();
      documentGold += goldIds.size();
      predictedIds.retainAll(goldIds);
      documentTrue += predictedIds.size();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new ExtractionScores(corpus.size(),
        Prf.of(mentionTruePredicted, mentionPredicted, mentionTrueGold, mentionGold),
        Prf.of(documentTrue, documentPredicted, documentTrue, documentGold), seconds);
  }

  /** The current id of {@code id} (alternative ids mapped); unknown or malformed ids are kept as written. */
  public String normalise(String id) {
    try {
      return terms.indexOf(TermId.of(id)).map(i -> terms.id(i).getValue()).orElse(id);
    } catch (RuntimeException e) {
      return id;
    }
  }

  private static boolean overlaps(Finding f, AnnotatedDocument.Mention g) {
    return f.start() < g.end() && g.start() < f.end();
  }
}
