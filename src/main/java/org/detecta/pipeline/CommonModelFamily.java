package org.detecta.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.learn.CommonModel;

/**
 * A common-disease {@link ModelFamily} ({@code ddxplus}, {@code kaggle-symptoms}): trains with
 * {@link CommonTrainer} using {@code config/models.yaml} and {@code config/requirements.yaml}, writes its
 * reports under {@code <home>/reports/}, and loads its JSON artifact as a {@link CommonModel}.
 */
public final class CommonModelFamily implements ModelFamily {
  private final CommonSource source;
  private final Path home;
  /** Held-out views of runs in this process, by data directory and seed (the detecta model reuses them). */
  private final java.util.Map<String, CommonTrainer.HeldOut> heldOut = new java.util.concurrent.ConcurrentHashMap<>();
  private final SharedLoads<CommonModel> loaded = new SharedLoads<>();

  public CommonModelFamily(CommonSource source, Path home) {
    this.source = source;
    this.home = home;
  }

  public static CommonModelFamily ddxplus(Path home) {
    return new CommonModelFamily(new DdxplusSource(), home);
  }

  public static CommonModelFamily kaggleSymptoms(Path home) {
    return new CommonModelFamily(new KaggleSymptomSource(), home);
  }

  public CommonSource source() {
    return source;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public boolean canTrain(Path dataDir) {
    return source.files().stream().allMatch(f -> Files.isRegularFile(dataDir.resolve(f)));
  }

  @Override
  public TrainedModel train(TrainingContext context) throws IOException {
    ModelsConfig config = ModelsConfig.load(ModelsConfig.configFile("models.yaml"));
    ReleaseRequirements requirements = ReleaseRequirements.load(ModelsConfig.configFile("requirements.yaml"), name());
    CommonTrainer trainer = new CommonTrainer(source, home, config, requirements);
    TrainedModel trained = trainer.train(context);
    trainer.heldOut().ifPresent(h -> heldOut.put(key(context), h));
    return trained;
  }

  /**
   * The train-only model, released artifact and split cases of this source for this data and seed: from an
   * earlier {@link #train} in this process, else trained now (reports written, nothing registered).
   */
  public synchronized CommonTrainer.HeldOut heldOut(TrainingContext context) throws IOException {
    CommonTrainer.HeldOut known = heldOut.get(key(context));
    if (known != null) {
      return known;
    }
    context.progress().accept(name() + " was not trained in this run: training it now for its held-out splits");
    train(context);
    known = heldOut.get(key(context));
    if (known == null) {
      throw new IllegalStateException(name() + ": training chose no model, so there is nothing to combine");
    }
    return known;
  }

  private static String key(TrainingContext context) {
    return context.dataDir().toAbsolutePath().normalize() + "#" + context.seed();
  }

  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws IOException {
    return loadModel(artifact);
  }

  /** The artifact as a {@link CommonModel}: loaded once while in use (the detecta model embeds the same bytes). */
  public CommonModel loadModel(byte[] artifact) throws IOException {
    return loaded.load(artifact, "", CommonModel::load);
  }
}
