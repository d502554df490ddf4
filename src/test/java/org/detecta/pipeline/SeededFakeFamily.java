package org.detecta.pipeline;

import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.kb.KnowledgeBase;
import org.detecta.registry.ArtifactStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A tiny deterministic model family for pipeline and registry tests: nearest-centroid over {@code points.tsv}
 * (x, y, label) with a seeded shuffle and a 60/20/20 split. Same data + seed → same artifact and metrics.
 * {@code gateTop1} is the release-gate floor on test top1.
 */
public final class SeededFakeFamily implements ModelFamily {
  public static final String FILE = "points.tsv";
  private final String name;
  private final double gateTop1;

  public SeededFakeFamily(String name, double gateTop1) {
    this.name = name;
    this.gateTop1 = gateTop1;
  }

  /** Copies the fixture into {@code dataDir}. */
  public static void writeFixture(Path dataDir) throws IOException {
    try (var in = SeededFakeFamily.class.getResourceAsStream("fake-points.tsv")) {
      Files.createDirectories(dataDir);
      Files.write(dataDir.resolve(FILE), in.readAllBytes());
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canTrain(Path dataDir) {
    return Files.isRegularFile(dataDir.resolve(FILE));
  }

  @Override
  public TrainedModel train(TrainingContext context) throws IOException {
    byte[] raw = Files.readAllBytes(context.dataDir().resolve(FILE));
    List<String[]> rows = new ArrayList<>();
    for (String line : new String(raw, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank() && !line.startsWith("x\t")) {
        rows.add(line.split("\t"));
      }
    }
    Collections.shuffle(rows, new Random(context.seed()));
    int trainEnd = rows.size() * 6 / 10;
    int validationEnd = rows.size() * 8 / 10;
    Map<String, double[]> centroids = new TreeMap<>();
    for (String[] row : rows.subList(0, trainEnd)) {
      double[] c = centroids.computeIfAbsent(row[2], k -> new double[3]);
      c[0] += Double.parseDouble(row[0]);
      c[1] += Double.parseDouble(row[1]);
      c[2]++;
    }
    StringBuilder artifact = new StringBuilder();
    centroids.forEach((label, c) -> artifact.append(String.format(Locale.ROOT, "%s\t%.6f\t%.6f%n", label,
        c[0] / c[2], c[1] / c[2])));
    context.progress().accept(centroids.size() + " centroids from " + trainEnd + " points");
    double validation = accuracy(centroids, rows.subList(trainEnd, validationEnd));
    double test = accuracy(centroids, rows.subList(validationEnd, rows.size()));
    boolean passed = test >= gateTop1;
    return new TrainedModel(name, artifact.toString().getBytes(StandardCharsets.UTF_8),
        Map.of("family", "nearest-centroid", "seed", context.seed()),
        Map.of("validation", Map.of("top1", validation), "test", Map.of("top1", test)),
        List.of(new DataFile(FILE, ArtifactStore.sha256(raw), raw.length, "fixture-1")),
        List.of("x", "y"), List.copyOf(centroids.keySet()), passed,
        List.of(String.format(Locale.ROOT, "test top1 %.4f %s %.2f", test, passed ? ">=" : "<", gateTop1)));
  }

  private static double accuracy(Map<String, double[]> centroids, List<String[]> rows) {
    int right = 0;
    for (String[] row : rows) {
      double x = Double.parseDouble(row[0]);
      double y = Double.parseDouble(row[1]);
      String best = null;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (Map.Entry<String, double[]> e : centroids.entrySet()) {
        double[] c = e.getValue();
        double d = Math.pow(x - c[0] / c[2], 2) + Math.pow(y - c[1] / c[2], 2);
        if (d < bestDistance) {
          bestDistance = d;
          best = e.getKey();
        }
      }
      right += row[2].equals(best) ? 1 : 0;
    }
    return rows.isEmpty() ? Double.NaN : (double) right / rows.size();
  }

  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) {
    throw new UnsupportedOperationException("the fake family only exists to test training and the registry");
  }
}
