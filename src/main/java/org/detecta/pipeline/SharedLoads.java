package org.detecta.pipeline;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Loads each distinct artifact once while its result is in use, so two served models stored from the same bytes
 * (the {@code detecta} model embeds the {@code rare-phenotype}, {@code ddxplus} and {@code kaggle-symptoms} artifacts
 * of its run) share one loaded instance instead of rebuilding it. Only for immutable, thread-safe results: the key
 * is the sha256 of the bytes and a context naming everything else the load reads (e.g. the knowledge-base release).
 * A second load of the same key waits for the first; results are held weakly, so a version no longer served is
 * collected as before, and a failed load is not remembered.
 */
public final class SharedLoads<T> {
  private final Map<String, Slot<T>> slots = new HashMap<>();

  /** Loads the artifact's result, or returns the one already loaded from the same bytes in the same context. */
  public interface Loader<T> {
    T load(byte[] artifact) throws IOException;
  }

  public T load(byte[] artifact, String context, Loader<T> loader) throws IOException {
    String key = context + "#" + sha256(artifact);
    Slot<T> slot;
    synchronized (slots) {
      slots.values().removeIf(Slot::collected);
      slot = slots.computeIfAbsent(key, k -> new Slot<>());
    }
    return slot.get(artifact, loader);
  }

  /** Keys currently remembered (loaded and still referenced, or being loaded). */
  public int size() {
    synchronized (slots) {
      slots.values().removeIf(Slot::collected);
      return slots.size();
    }
  }

  private static final class Slot<T> {
    private volatile WeakReference<T> value = new WeakReference<>(null);
    private volatile boolean loading = true; // from creation until its first load ends, so it is not swept meanwhile

    synchronized T get(byte[] artifact, Loader<T> loader) throws IOException {
      T known = value.get();
      if (known != null) {
        return known;
      }
      loading = true;
      try {
        T loaded = loader.load(artifact);
        value = new WeakReference<>(loaded);
        return loaded;
      } finally {
        loading = false;
      }
    }

    boolean collected() {
      return !loading && value.get() == null;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
