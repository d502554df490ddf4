package org.detecta.interview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.detecta.cases.PhenopacketReader;
import org.detecta.kb.KnowledgeBase;
import org.detecta.pipeline.GroupSplit;
import org.detecta.rank.GroupedSplit;
import org.detecta.rank.PhenopacketDirectory;
import org.detecta.rank.RareEngine;
import org.detecta.rank.RareTrainer;
import org.detecta.rank.ResolvedCase;
import org.detecta.rank.TermResolver;

/**
 * The stored {@code rare-phenotype} artifact learned its case profiles from every phenopacket, so none is
 * held out. For interview evaluation this rebuilds the engine of the training run's own publication-grouped
 * 70/20/10 split (same seed): profiles from the train and validation publications, the stored constants and fusion
 * (until 2026-11-24 the default constants were used with the stored fusion: a mismatch), and the held-out (test, or for tuning validation) publications' case ids kept aside.
 */
public record RareHeldOut(RareEngine engine, Set<String> testIds) {
  public static RareHeldOut build(KnowledgeBase kb, RareEngine stored, Path phenopackets, long seed) throws IOException {
    return build(kb, stored, phenopackets, seed, GroupSplit.TEST);
  }

  /**
   * As {@link #build(KnowledgeBase, RareEngine, Path, long)}; with {@code held} = {@link GroupSplit#VALIDATION}
   * the profiles come from the train publications only and the validation publications are held out (for tuning
   * without reading the test publications).
   */
  public static RareHeldOut build(KnowledgeBase kb, RareEngine stored, Path phenopackets, long seed, int held) throws IOException {
    TermResolver resolver = new TermResolver(kb.terms());
    List<ResolvedCase> cases = new PhenopacketReader().read(phenopackets).cases().stream()
        .filter(c -> !c.diagnoses().isEmpty()).map(resolver::resolve).toList();
    int[] parts = GroupedSplit.parts(cases, new double[] {0.7, 0.2, 0.1}, seed);
    List<ResolvedCase> training = held == GroupSplit.TEST ? GroupedSplit.select(cases, parts, GroupSplit.TEST, false)
        : GroupedSplit.select(cases, parts, GroupSplit.TRAIN, true);
    Set<String> test = new HashSet<>();
    GroupedSplit.select(cases, parts, held, true).forEach(c -> test.add(c.id()));
    // the stored model's constants (likelihood ratios tuned at training, reporting rates): its fusion was fitted on them
    RareTrainer trainer = new RareTrainer(kb, stored.scoringModel().parameters(),
        PhenopacketDirectory.scan(phenopackets).labels());
    return new RareHeldOut(trainer.engine(training, stored.weights()), Set.copyOf(test));
  }
}
