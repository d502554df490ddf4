package org.detecta.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * K-fold cross-validation over the documents of an annotated corpus, to judge tuning without overfitting
 * it: the product's figure on each held-out fold (how much it varies from document to document), and the
 * figure when the gold mentions of the other folds are added as extra wording (does learning phrases from
 * annotated documents carry over to unseen ones?). Folds: document i goes to fold i mod K.
 */
public final class ExtractionCrossValidation {
  /** Pooled scores of both variants over all held-out documents, the product's document F1 per fold, phrases learnt per fold. */
  public record Result(int folds, ExtractionScores product, ExtractionScores learned, List<Double> productFoldF1,
                       List<Double> learnedFoldF1, List<Integer> learnedPhrases) {
  }

  private final ExtractionEvaluator evaluator;
  private final Function<ClinicalWording, NoteExtractor> extractors;
  private final Language language;

  /** {@code extractors} builds an extractor from a wording list (the bundled one plus learnt phrases). */
  public ExtractionCrossValidation(ExtractionEvaluator evaluator, Function<ClinicalWording, NoteExtractor> extractors,
                                   Language language) {
    this.evaluator = evaluator;
    this.extractors = extractors;
    this.language = language;
  }

  public Result run(List<AnnotatedDocument> documents, int folds) {
    if (folds < 2 || folds > documents.size()) {
      throw new IllegalArgumentException("--cv must be between 2 and the number of documents (" + documents.size()
          + "), was " + folds);
    }
    ClinicalWording bundled = ClinicalWording.bundled();
    NoteExtractor product = extractors.apply(bundled);
    Map<String, NoteExtractor> learnedFor = new HashMap<>();
    List<Double> productF1 = new ArrayList<>();
    List<Double> learnedF1 = new ArrayList<>();
    List<Integer> phrases = new ArrayList<>();
    for (int fold = 0; fold < folds; fold++) {
      List<AnnotatedDocument> train = new ArrayList<>();
      List<AnnotatedDocument> test = new ArrayList<>();
      for (int i = 0; i < documents.size(); i++) {
        (i % folds == fold ? test : train).add(documents.get(i));
      }
      List<ClinicalWording.Entry> learnt = learn(train);
      phrases.add(learnt.size());
      NoteExtractor learned = extractors.apply(bundled.plus(learnt));
      test.forEach(d -> learnedFor.put(d.text(), learned));
      productF1.add(evaluator.evaluate(test, text -> product.extract(text, language).findings()).document().f1());
      learnedF1.add(evaluator.evaluate(test, text -> learned.extract(text, language).findings()).document().f1());
    }
    ExtractionScores pooledProduct = evaluator.evaluate(documents, text -> product.extract(text, language).findings());
    ExtractionScores pooledLearned = evaluator.evaluate(documents,
        text -> learnedFor.get(text).extract(text, language).findings());
    return new Result(folds, pooledProduct, pooledLearned, productF1, learnedF1, phrases);
  }

  /** Each distinct (mention text, current id) of the training documents, as English wording. */
  private List<ClinicalWording.Entry> learn(List<AnnotatedDocument> train) {
    Map<String, ClinicalWording.Entry> out = new java.util.LinkedHashMap<>();
    for (AnnotatedDocument d : train) {
      for (AnnotatedDocument.Mention m : d.mentions()) {
        String phrase = m.text().strip();
        if (phrase.length() >= 3) {
          out.putIfAbsent(phrase.toLowerCase(java.util.Locale.ROOT),
              new ClinicalWording.Entry(Language.EN, phrase, evaluator.normalise(m.hpoId())));
        }
      }
    }
    return List.copyOf(out.values());
  }
}
