package org.detecta.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;

/**
 * A model family trained by a {@link DistributedTraining} engine: same name, so its versions are registered as
 * the next versions of that model and loaded by the model's own family.
 */
public final class DistributedFamily implements ModelFamily {
  private final DistributedTraining engine;
  private final ModelFamily local;
  private final String lake;
  private final String master;
  private final Path home;

  public DistributedFamily(DistributedTraining engine, ModelFamily local, String lake, String master, Path home) {
    this.engine = engine;
    this.local = local;
    this.lake = lake;
    this.master = master;
    this.home = home;
  }

  @Override
  public String name() {
    return local.name();
  }

  @Override
  public boolean canTrain(Path dataDir) {
    return true;
  }

  @Override
  public TrainedModel train(TrainingContext context) throws IOException {
    try {
      return engine.train(local.name(), context, lake, master, home);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("training " + local.name() + " on Spark failed: " + e.getMessage(), e);
    }
  }

  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws IOException {
    return local.load(artifact, knowledgeBase);
  }
}
