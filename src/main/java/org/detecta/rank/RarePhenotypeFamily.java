package org.detecta.rank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.detecta.cases.PhenopacketReader;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.monitor.DriftReference;
import org.detecta.pipeline.DataFile;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.ModelsConfig;
import org.detecta.pipeline.RankingMetrics;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;

/**
 * The {@code rare-phenotype} family. Training: seeded publication-grouped split 70/20/10 of the
 * phenopackets; fusion weights cross-fitted on train + validation (each of 3 publication-grouped parts scored
 * by components built on the others), the validation split then measured with components built on train, and
 * the test split (never used for any fit) measured once. The
 * stored artifact then refits the case profiles on <em>all</em> cases (weights kept), so the released model
 * knows every disease seen in the data; its reported metrics are those of the held-out splits.
 */
public final class RarePhenotypeFamily implements ModelFamily {
  public static final String NAME = "rare-phenotype";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean canTrain(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve("hpo/hp.json")) && Files.isRegularFile(dataDir.resolve("hpo/phenotype.hpoa"));
  }

  @Override
  public TrainedModel train(TrainingContext context) throws IOException {
    KnowledgeBase kb = context.knowledgeBase().get();
    Path packets = context.dataDir().resolve("phenopackets");
    List<ResolvedCase> cases = new ArrayList<>();
    PhenopacketDirectory directory = new PhenopacketDirectory(Map.of(), "", 0);
    if (Files.isDirectory(packets)) {
      TermResolver resolver = new TermResolver(kb.terms());
      new PhenopacketReader().read(packets).cases().stream()
          .filter(c -> !c.diagnoses().isEmpty()).map(resolver::resolve).forEach(cases::add);
      directory = PhenopacketDirectory.scan(packets);
    }
    context.progress().accept(cases.size() + " training cases from " + packets);
    RankParameters parameters = RankParameters.defaults();
    RareTrainer trainer = new RareTrainer(kb, parameters, directory.labels());
    int[] parts = GroupedSplit.parts(cases, new double[] {0.7, 0.2, 0.1}, context.seed());
    List<ResolvedCase> train = GroupedSplit.select(cases, parts, 0, true);
    List<ResolvedCase> validation = GroupedSplit.select(cases, parts, 1, true);
    List<ResolvedCase> test = GroupedSplit.select(cases, parts, 2, true);
    List<ResolvedCase> fitting = new ArrayList<>(train);
    fitting.addAll(validation);
    trainer = trainer.tuneLikelihoods(fitting, CrossValidation.DEFAULT_INNER_PARTS, context.seed(), context.progress());
    parameters = trainer.parameters();
    FusionFitter.Fit fit = trainer.fitWeightsCrossed(fitting, CrossValidation.DEFAULT_INNER_PARTS, context.seed(),
        context.progress());
    ScoringModel trainModel = trainer.scoringModel(train);
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    metrics.put("validation", metrics(trainModel, validation, fit.model(), fit.ece()));
    metrics.put("test", metrics(trainModel, test, fit.model(), Double.NaN));
    context.progress().accept("held-out test " + metrics.get("test"));
    List<String> reasons = test.isEmpty() ? new ArrayList<>()
        : RareGate.load(ModelsConfig.configFile("requirements.yaml"), NAME).failures(metrics.get("test"));
    RareArtifact artifact = new RareArtifact(kb.release(), parameters, fit.model(), cases, directory.labels());
    ScoringModel released = trainer.scoringModel(cases);
    List<String> outputs = new ArrayList<>();
    for (int d = 0; d < released.size(); d++) {
      outputs.add(released.id(d));
    }
    List<String> inputs = new ArrayList<>();
    for (int t = 0; t < kb.terms().size(); t++) {
      inputs.add(kb.terms().id(t).getValue());
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("unknownFrequency", parameters.unknownFrequency());
    params.put("noise", parameters.noise());
    params.put("smoothing", parameters.smoothing());
    params.put("publicationCap", parameters.publicationCap());
    params.put("maxPresent", parameters.maxPresent());
    params.put("sizeExponent", parameters.sizeExponent());
    params.put("frequencyExponent", parameters.frequencyExponent());
    params.put("notPenalty", parameters.notPenalty());
    params.put("reportingPseudoCount", parameters.reportingPseudoCount());
    for (int f = 0; f < FusionFeatures.COUNT; f++) {
      params.put("weight:" + FusionFeatures.NAMES.get(f), fit.model().weight(f));
    }
    params.put("temperature", fit.model().temperature());
    params.put("unlisted", fit.model().unlisted());
    params.put("reranker", fit.model().reranker().map(r -> RerankFitter.DESCRIPTION).orElse("none"));
    params.put("split", "publication-grouped 70/20/10, seed " + context.seed() + "; fusion cross-fitted on train+validation ("
        + CrossValidation.DEFAULT_INNER_PARTS + " parts); artifact profiles refit on all cases");
    List<DataFile> data = new ArrayList<>();
    data.add(new DataFile("hpo/hp.json", kb.release().ontologySha256(),
        Files.size(context.dataDir().resolve("hpo/hp.json")), kb.release().ontologyVersion()));
    data.add(new DataFile("hpo/phenotype.hpoa", kb.release().annotationsSha256(),
        Files.size(context.dataDir().resolve("hpo/phenotype.hpoa")), kb.release().annotationsDate()));
    if (!cases.isEmpty()) {
      data.add(new DataFile("phenopackets", directory.sha256(), directory.bytes(), ""));
    }
    params.put(TrainedModel.DRIFT_REFERENCE, driftReference(train, kb).toMetadata());
    return new TrainedModel(NAME, artifact.write(kb.terms()), params, metrics, data, inputs, outputs,
        reasons.isEmpty(), reasons);
  }

  /** Findings and diagnoses of the training split, as HPO ids (what the server logs), for drift monitoring. */
  private static DriftReference driftReference(List<ResolvedCase> train, KnowledgeBase kb) {
    DriftReference.Builder reference = new DriftReference.Builder();
    for (ResolvedCase c : train) {
      reference.add(termIds(c.observed(), kb), termIds(c.excluded(), kb), c.diagnoses().get(0));
    }
    return reference.build();
  }

  private static List<String> termIds(int[] terms, KnowledgeBase kb) {
    return java.util.Arrays.stream(terms).mapToObj(t -> kb.terms().id(t).getValue()).toList();
  }

  private static Map<String, Double> metrics(ScoringModel model, List<ResolvedCase> cases, FusionModel weights,
                                             double ece) {
    int[] ranks = RareTrainer.ranks(model, cases, List.of(weights))[0];
    Map<String, Double> m = new LinkedHashMap<>(RankingMetrics.of(ranks).asMap());
    if (!Double.isNaN(ece)) {
      m.put("ece", ece);
    }
    return m;
  }

  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws IOException {
    KnowledgeBase kb = knowledgeBase.get();
    RareArtifact stored = RareArtifact.read(artifact, kb.terms());
    if (!stored.release().equals(kb.release())) {
      throw new IllegalArgumentException("The rare-phenotype model was trained on HPO " + stored.release().ontologyVersion()
          + " / annotations " + stored.release().annotationsDate() + " (sha256 " + stored.release().ontologySha256()
          + "), but the data directory holds " + kb.release().ontologyVersion() + " / " + kb.release().annotationsDate()
          + ": retrain with ./detecta train --model rare-phenotype or point --data at the matching release");
    }
    RareTrainer trainer = new RareTrainer(kb, stored.parameters(), stored.labels());
    return new RareEngine(trainer.scoringModel(stored.cases()), stored.weights(),
        new java.util.HashSet<>(stored.trainingCaseIds()));
  }
}
