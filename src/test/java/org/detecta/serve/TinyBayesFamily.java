package org.detecta.serve;

import org.detecta.diagnosis.Candidate;
import org.detecta.diagnosis.DiagnosticModel;
import org.detecta.diagnosis.Differential;
import org.detecta.diagnosis.DiseaseKind;
import org.detecta.diagnosis.Evidence;
import org.detecta.diagnosis.MatchKind;
import org.detecta.diagnosis.Query;
import org.detecta.kb.KnowledgeBase;
import org.detecta.pipeline.ModelFamily;
import org.detecta.pipeline.TrainedModel;
import org.detecta.pipeline.TrainingContext;
import org.detecta.registry.ModelRegistry;
import org.detecta.registry.ModelVersion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Test-only model family: a Bernoulli naive Bayes over a dozen symptoms, trained from the tiny fixture
 * {@code tiny-diseases.tsv}. The artifact is the fixture text itself, so training and loading are exact.
 */
public final class TinyBayesFamily implements ModelFamily {
  private final String name;
  private final long delayMillis;

  public TinyBayesFamily(String name) {
    this(name, 0);
  }

  /** A family whose models take {@code delayMillis} per diagnosis (limits), or always fail when negative. */
  public TinyBayesFamily(String name, long delayMillis) {
    this.name = name;
    this.delayMillis = delayMillis;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean canTrain(Path dataDir) {
    return true;
  }

  public static byte[] fixture() throws IOException {
    try (InputStream in = TinyBayesFamily.class.getResourceAsStream("tiny-diseases.tsv")) {
      return in.readAllBytes();
    }
  }

  @Override
  public TrainedModel train(TrainingContext context) throws IOException {
    return trained();
  }

  /** The trained model: training reads only the fixture, so it needs no context. */
  public TrainedModel trained() throws IOException {
    byte[] artifact = fixture();
    Model model = Model.parse(name, artifact);
    return new TrainedModel(name, artifact, Map.of("smoothing", 1.0), Map.of("test", Map.of("top1", 0.9)),
        List.of(), List.copyOf(model.symptoms), List.copyOf(model.names.keySet()), true, List.of());
  }
  /** Registers the trained model (run, code version and actor {@code test}) as the {@code champion} of its name. */
  public ModelVersion registerChampion(ModelRegistry registry) throws IOException {
    ModelVersion version = registry.register(trained(), "test", "test", "test");
    registry.setAlias(version.name(), version.version(), "champion", "test");
    return version;
  }


  @Override
  public DiagnosticModel load(byte[] artifact, Supplier<KnowledgeBase> knowledgeBase) {
    Model model = Model.parse(name, artifact);
    model.delayMillis = delayMillis;
    return model;
  }

  static final class Model implements DiagnosticModel {
    final String name;
    final Map<String, String> names = new LinkedHashMap<>();
    final Set<String> symptoms = new LinkedHashSet<>();
    final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    final Map<String, Integer> examples = new LinkedHashMap<>();
    /** Each disease's training lines (fixture line number → symptoms), to name the most similar one. */
    final Map<String, Map<Integer, Set<String>>> lines = new LinkedHashMap<>();
    int total;
    long delayMillis;

    Model(String name) {
      this.name = name;
    }

    static Model parse(String name, byte[] artifact) {
      Model m = new Model(name);
      String[] all = new String(artifact, StandardCharsets.UTF_8).split("\n");
      for (int n = 0; n < all.length; n++) {
        String line = all[n];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        m.lines.computeIfAbsent(cols[0], k -> new LinkedHashMap<>()).put(n + 1, Set.of(cols[2].split(",")));
        m.names.put(cols[0], cols[1]);
        m.examples.merge(cols[0], 1, Integer::sum);
        m.total++;
        for (String s : cols[2].split(",")) {
          m.symptoms.add(s);
          m.counts.computeIfAbsent(cols[0], k -> new LinkedHashMap<>()).merge(s, 1, Integer::sum);
        }
      }
      return m;
    }

    @Override
    public String name() {
      return name;
    }

    /** The training line sharing most symptoms with the query (Jaccard), as a case of a made-up test publication. */
    private org.detecta.diagnosis.SimilarCase mostSimilar(String disease, List<String> observed) {
      int best = -1;
      double bestScore = -1;
      for (Map.Entry<Integer, Set<String>> line : lines.get(disease).entrySet()) {
        Set<String> union = new LinkedHashSet<>(line.getValue());
        union.addAll(observed);
        double score = line.getValue().stream().filter(observed::contains).count() / (double) Math.max(1, union.size());
        if (score > bestScore) {
          best = line.getKey();
          bestScore = score;
        }
      }
      return new org.detecta.diagnosis.SimilarCase("tiny-line-" + best, "PMID:" + (90000000 + best), bestScore);
    }

    private double p(String disease, String symptom) {
      return (counts.get(disease).getOrDefault(symptom, 0) + 1.0) / (examples.get(disease) + 2.0);
    }

    @Override
    public Differential diagnose(Query query, int top) {
      if (delayMillis < 0) {
        throw new IllegalStateException("secret internal detail that must not leak");
      }
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<String> unknown = new ArrayList<>();
      Map<String, Double> logPost = new LinkedHashMap<>();
      Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
      for (String d : names.keySet()) {
        double lp = Math.log(examples.get(d) / (double) total);
        List<Evidence> ev = new ArrayList<>();
        for (String s : symptoms) {
          boolean present = query.observed().contains(s);
          boolean absent = query.excluded().contains(s);
          if (present || absent) {
            double c = Math.log(present ? p(d, s) : 1 - p(d, s));
            lp += c;
            ev.add(new Evidence(s, s, MatchKind.LEARNED, c));
          }
        }
        logPost.put(d, lp);
        evidence.put(d, ev);
      }
      for (String f : query.observed()) {
        if (!symptoms.contains(f)) {
          unknown.add(f);
        }
      }
      double max = logPost.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double z = logPost.values().stream().mapToDouble(v -> Math.exp(v - max)).sum();
      List<Candidate> out = new ArrayList<>();
      for (String d : names.keySet()) {
        out.add(new Candidate(d, names.get(d), Math.exp(logPost.get(d) - max) / z, DiseaseKind.COMMON, evidence.get(d),
            List.of(mostSimilar(d, query.observed()))));
      }
      out.sort(Comparator.comparingDouble(Candidate::probability).reversed().thenComparing(Candidate::id));
      return new Differential(top > 0 && out.size() > top ? out.subList(0, top) : out, unknown);
    }

    @Override
    public boolean knowsDisease(String diseaseId) {
      return names.containsKey(diseaseId);
    }
  }
}
