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
    return new CommonTrainer(source, home, config, requirements).train(context);
  }

  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws IOException {
    return CommonModel.load(artifact);
  }
}
