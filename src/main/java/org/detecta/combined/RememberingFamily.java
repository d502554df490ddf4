package org.detecta.combined;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.SharedLoads;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;

/**
 * A model family that remembers what it trained in this process (by data directory and seed), so a later
 * family (the {@code detecta} combination) can reuse the result instead of training it a second time, and what it
 * loaded (by artifact bytes and knowledge-base release, see {@link SharedLoads}), so the {@code detecta} model
 * serves the very engine {@code rare-phenotype} serves when it embeds the same artifact. Everything else is the
 * wrapped family's, whose loaded models must be immutable.
 */
public final class RememberingFamily implements ModelFamily {
  private final ModelFamily delegate;
  private final Map<String, TrainedModel> trained = new ConcurrentHashMap<>();
  private final SharedLoads<DiagnosticModel> loaded = new SharedLoads<>();

  public RememberingFamily(ModelFamily delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public boolean canTrain(Path dataDir) {
    return delegate.canTrain(dataDir);
  }

  @Override
  public TrainedModel train(TrainingContext context) throws IOException {
    TrainedModel result = delegate.train(context);
    trained.put(key(context), result);
    return result;
  }

  /** The model trained in this process for this data and seed, training it now when there is none. */
  public synchronized TrainedModel trained(TrainingContext context) throws IOException {
    TrainedModel known = trained.get(key(context));
    if (known != null) {
      return known;
    }
    context.progress().accept(name() + " was not trained in this run: training it now");
    return train(context);
  }

  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) throws IOException {
    KnowledgeBase kb = knowledgeBase.get();
    String context = kb == null ? "no knowledge base" : kb.release().toString();
    return loaded.load(artifact, context, bytes -> delegate.load(bytes, () -> kb));
  }

  private static String key(TrainingContext context) {
    return context.dataDir().toAbsolutePath().normalize() + "#" + context.seed();
  }
}
