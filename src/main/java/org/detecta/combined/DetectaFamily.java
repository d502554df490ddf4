package org.detecta.combined;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.learn.CommonModel;
import org.detecta.pipeline.CommonModelFamily;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.ModelsConfig;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;

/**
 * The {@code detecta} family: combines {@code rare-phenotype}, {@code ddxplus} and {@code kaggle-symptoms}
 * (reusing what they trained earlier in the same run) into one differential. Registered last in the catalog.
 */
public final class DetectaFamily implements ModelFamily {
  private final RememberingFamily rare;
  private final CommonModelFamily ddxplus;
  private final CommonModelFamily kaggle;
  private final Path home;

  public DetectaFamily(RememberingFamily rare, CommonModelFamily ddxplus, CommonModelFamily kaggle, Path home) {
    this.rare = rare;
    this.ddxplus = ddxplus;
    this.kaggle = kaggle;
    this.home = home;
  }

  RememberingFamily rare() {
    return rare;
  }

  CommonModelFamily ddxplus() {
    return ddxplus;
  }

  CommonModelFamily kaggle() {
    return kaggle;
  }

  @Override
  public String name() {
    return CombinedModel.NAME;
  }

  @Override
  public boolean canTrain(Path dataDir) {
    return rare.canTrain(dataDir) && Files.isDirectory(dataDir.resolve("phenopackets")) && ddxplus.canTrain(dataDir)
        && kaggle.canTrain(dataDir);
  }

  @Override
  public TrainedModel train(TrainingContext context) throws IOException {
    CombinedConfig config = CombinedConfig.load(ModelsConfig.configFile("detecta.yaml"),
        ModelsConfig.configFile("requirements.yaml"));
    return new CombinedTrainer(this, config, home).train(context);
  }

  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws IOException {
    CombinedArtifact stored = CombinedArtifact.fromBytes(artifact);
    KnowledgeBase kb = knowledgeBase.get();
    DiagnosticModel rareModel = rare.load(stored.rare(), knowledgeBase);
    CommonModel ddx = ddxplus.loadModel(stored.ddxplus());
    CommonModel kag = kaggle.loadModel(stored.kaggle());
    FindingTranslator translator = new FindingTranslator(kb.terms(), new FindingMap(stored.mapping()), kag.features(),
        ddx.features());
    return new CombinedModel(new Engines(rareModel, ddx, kag, translator), new WorldGate(stored.gateWeights(), stored.prior()));
  }
}
