package org.detecta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.kb.TermIndex;
import org.detecta.text.AnnotatedDocument;
import org.detecta.text.ExtractionCrossValidation;
import org.detecta.text.ExtractionEvaluator;
import org.detecta.text.ExtractionScores;
import org.detecta.text.GscCorpusReader;
import org.detecta.text.Language;
import org.detecta.text.MatchOptions;
import org.detecta.text.NoteExtractor;
import org.detecta.text.Prf;
import org.detecta.text.SpanishLabels;
import org.detecta.text.StatusEvaluator;
import org.detecta.text.StatusNote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code detecta evaluate --extraction}: scores note extraction on a GSC+-format corpus (one JSON line:
 * documents, mention and document P/R/F1, seconds), or on a notes TSV with expected statuses ({@code --notes}).
 */
final class ExtractionEvaluation {
  private final CommonOptions common;
  private final Path corpus;
  private final String lang;
  private final boolean baseline;
  private final boolean notes;
  private final boolean showErrors;
  private final Integer folds;

  ExtractionEvaluation(CommonOptions common, Path corpus, String lang, boolean baseline, boolean notes,
                       boolean showErrors, Integer folds) {
    this.folds = folds;
    this.common = common;
    this.corpus = corpus;
    this.lang = lang;
    this.baseline = baseline;
    this.notes = notes;
    this.showErrors = showErrors;
  }

  int run() throws Exception {
    if (corpus == null) {
      throw new IllegalArgumentException("--extraction needs --corpus FILE (GSC+ format, or a notes TSV with --notes)");
    }
    Language language = Language.parse(lang);
    if (!Files.isRegularFile(corpus)) {
      throw new IllegalArgumentException("--corpus " + corpus + ": no such file");
    }
    TermIndex terms = common.detecta().knowledgeBase().get().terms();
    SpanishLabels spanish = SpanishLabels.fromDataDir(common.paths().data());
    NoteExtractor extractor = baseline
        ? NoteExtractor.create(terms, spanish, MatchOptions.baseline())
        : NoteExtractor.create(terms, spanish);
    if (notes) {
      return notes(extractor, language);
    }
    List<AnnotatedDocument> documents = GscCorpusReader.read(corpus);
    if (folds != null) {
      if (baseline || notes) {
        throw new IllegalArgumentException("--cv with --extraction scores the product on a GSC+ corpus; drop --baseline/--notes");
      }
      return crossValidate(terms, spanish, documents, language);
    }
    ExtractionScores scores = new ExtractionEvaluator(terms)
        .evaluate(documents, text -> extractor.extract(text, language).findings());
    if (showErrors) {
      ExtractionEvaluator evaluator = new ExtractionEvaluator(terms);
      for (AnnotatedDocument d : documents) {
        var findings = extractor.extract(d.text(), language).findings();
        for (var g : d.mentions()) {
          String id = evaluator.normalise(g.hpoId());
          if (findings.stream().noneMatch(f -> evaluator.normalise(f.hpoId()).equals(id))) {
            System.err.println(d.id() + "\tMISSED\t" + id + "\t" + g.text() + "\t" + terms.indexOf(
                org.monarchinitiative.phenol.ontology.data.TermId.of(id)).map(terms::label).orElse("?"));
          }
        }
        for (var f : findings) {
          String id = evaluator.normalise(f.hpoId());
          if (d.mentions().stream().noneMatch(g -> evaluator.normalise(g.hpoId()).equals(id))) {
            System.err.println(d.id() + "\tSPURIOUS\t" + id + "\t" + f.text() + "\t" + f.label());
          }
        }
      }
    }
    System.out.println(toJson(scores));
    return ExitCodes.OK;
  }

  private int notes(NoteExtractor extractor, Language language) throws java.io.IOException {
    List<StatusNote> list;
    try (var in = Files.newInputStream(corpus)) {
      list = StatusNote.read(in, corpus.toString());
    }
    if (showErrors) {
      for (StatusNote note : list) {
        var findings = extractor.extract(note.text(), language).findings();
        for (StatusNote.Expected e : note.expected()) {
          String got = findings.stream().filter(f -> f.hpoId().equals(e.hpoId())).map(f -> f.status().code())
              .distinct().reduce((a, b) -> a + "," + b).orElse("MISSED");
          if (!got.equals(e.status().code())) {
            System.err.println(note.id() + "\t" + e.hpoId() + "\texpected " + e.status().code() + "\tgot " + got);
          }
        }
        for (var f : findings) {
          if (note.expected().stream().noneMatch(e -> e.hpoId().equals(f.hpoId()))) {
            System.err.println(note.id() + "\t" + f.hpoId() + "\tSPURIOUS\t" + f.text() + "\t" + f.label());
          }
        }
      }
    }
    StatusEvaluator.Scores scores = new StatusEvaluator().evaluate(list, text -> extractor.extract(text, language).findings());
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("notes", scores.notes());
    out.set("document", prf(mapper, scores.document()));
    ObjectNode status = out.putObject("status_accuracy");
    status.put("all", ExtractCommand.round(scores.status().value()));
    status.put("n", scores.status().total());
    scores.byStatus().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
      status.put(e.getKey().code(), ExtractCommand.round(e.getValue().value()));
      status.put(e.getKey().code() + "_n", e.getValue().total());
    });
    System.out.println(out);
    return ExitCodes.OK;
  }

  private int crossValidate(TermIndex terms, SpanishLabels spanish, List<AnnotatedDocument> documents,
                            Language language) {
    long started = System.nanoTime();
    ExtractionCrossValidation.Result r = new ExtractionCrossValidation(new ExtractionEvaluator(terms),
        wording -> NoteExtractor.create(terms, spanish, wording), language).run(documents, folds);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("folds", r.folds());
    out.put("documents", documents.size());
    ObjectNode product = out.putObject("product");
    product.set("mention", prf(mapper, r.product().mention()));
    product.set("document", prf(mapper, r.product().document()));
    product.set("fold_document_f1", mapper.valueToTree(r.productFoldF1().stream().map(ExtractCommand::round).toList()));
    ObjectNode learned = out.putObject("learned_wording");
    learned.set("mention", prf(mapper, r.learned().mention()));
    learned.set("document", prf(mapper, r.learned().document()));
    learned.set("fold_document_f1", mapper.valueToTree(r.learnedFoldF1().stream().map(ExtractCommand::round).toList()));
    learned.set("phrases_per_fold", mapper.valueToTree(r.learnedPhrases()));
    out.put("seconds", ExtractCommand.round((System.nanoTime() - started) / 1e9));
    System.out.println(out);
    return ExitCodes.OK;
  }

  static ObjectNode toJson(ExtractionScores scores) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = mapper.createObjectNode();
    out.put("documents", scores.documents());
    out.set("mention", prf(mapper, scores.mention()));
    out.set("document", prf(mapper, scores.document()));
    out.put("seconds", ExtractCommand.round(scores.seconds()));
    return out;
  }

  private static ObjectNode prf(ObjectMapper mapper, Prf prf) {
    ObjectNode node = mapper.createObjectNode();
    node.put("precision", ExtractCommand.round(prf.precision()));
    node.put("recall", ExtractCommand.round(prf.recall()));
    node.put("f1", ExtractCommand.round(prf.f1()));
    return node;
  }
}
