package org.detecta.combined;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.SmallKb;
import org.detecta.cases.Sex;
import org.detecta.diagnosis.Query;
import org.detecta.kb.KnowledgeBase;
import org.detecta.learn.CommonModel;
import org.detecta.learn.Families;
import org.detecta.learn.FeatureSpace;
import org.detecta.learn.ModelSpec;
import org.detecta.rank.FusionWeights;
import org.detecta.rank.RankParameters;
import org.detecta.rank.RareTrainer;

/**
 * A small world for the combination's unit tests: the hand-made 35-term ontology with five rare diseases,
 * a Kaggle-like model over seven symptoms and a DDXPlus-like model over four evidences (Tribuo logistic
 * regression fitted on a few synthetic patients), and a mapping that links seizures across all three.
 */
final class CombinedFixtures {
  static final List<String> KAGGLE_SYMPTOMS = List.of("cough", "fever", "fits", "runny_nose", "sneezing", "sore_throat", "vomiting");
  static final FindingMap MAP = new FindingMap(List.of(
      new FindingMap.Row("kaggle", "fits", "HP:0001250", "exact"),
      new FindingMap.Row("ddxplus", "E_1", "HP:0001250", "manual"),
      new FindingMap.Row("ddxplus", "E_2", "HP:0000707", "broader")));

  private CombinedFixtures() {
  }

  static FindingTranslator translator() {
    return new FindingTranslator(SmallKb.knowledgeBase().terms(), MAP, kaggleSpace(), ddxplusSpace());
  }

  static FeatureSpace kaggleSpace() {
    return FeatureSpace.symptoms(KAGGLE_SYMPTOMS);
  }

  static FeatureSpace ddxplusSpace() {
    return new FeatureSpace(List.of("E_1", "E_2", "E_3", "E_4"), Map.of(), false);
  }

  static Engines engines() {
    KnowledgeBase kb = SmallKb.knowledgeBase();
    var rare = new RareTrainer(kb, RankParameters.defaults(), Map.of()).engine(List.of(), new FusionWeights(1, 0, 0, 0, 0.3));
    CommonModel kaggle = common("kaggle-symptoms", kaggleSpace(), List.of(
        List.of("cough", "runny_nose", "sneezing"), List.of("cough", "sneezing"), List.of("runny_nose", "sneezing"),
        List.of("fever", "cough", "sore_throat"), List.of("fever", "sore_throat"), List.of("fever", "cough"),
        List.of("vomiting", "fever"), List.of("vomiting"), List.of("vomiting", "cough")),
        List.of("Common Cold", "Common Cold", "Common Cold", "Influenza", "Influenza", "Influenza",
            "Gastroenteritis", "Gastroenteritis", "Gastroenteritis"));
    CommonModel ddxplus = common("ddxplus", ddxplusSpace(), List.of(
        List.of("E_3"), List.of("E_3", "E_2"), List.of("E_3", "E_1"), List.of("E_4"), List.of("E_4", "E_2"), List.of("E_4", "E_1")),
        List.of("Panic attack", "Panic attack", "Panic attack", "Influenza", "Influenza", "Influenza"));
    return new Engines(rare, ddxplus, kaggle, translator());
  }

  private static CommonModel common(String name, FeatureSpace space, List<List<String>> rows, List<String> labels) {
    List<String> classes = labels.stream().distinct().sorted().toList();
    double[][] x = new double[rows.size()][];
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = space.encode(rows.get(i), Sex.UNKNOWN, Optional.empty()).x();
      y[i] = classes.indexOf(labels.get(i));
    }
    ModelSpec spec = new ModelSpec("logistic", Map.of("epochs", 50, "learningRate", 0.5), "none", 0);
    return new CommonModel(name, space, Optional.empty(), Families.fit(spec, x, y, classes, 7), 1.0, classes);
  }

  /** Validation-like queries of each world: rare HPO sets, DDXPlus evidence sets, Kaggle symptom sets. */
  static List<List<Query>> validation() {
    List<Query> rare = List.of(q("HP:0011153", "HP:0001263", "HP:0001290"), q("HP:0000252", "HP:0001249"),
        q("HP:0001263", "HP:0001252", "HP:0000252"), q("HP:0007359", "HP:0001249"), q("HP:0001250", "HP:0001263"),
        q("HP:0000252", "HP:0001249", "HP:0001250"));
    List<Query> ddxplus = List.of(q("E_3"), q("E_3", "E_2"), q("E_4", "E_1"), q("E_4"), q("E_3", "E_1"), q("E_4", "E_2"));
    List<Query> kaggle = List.of(q("cough", "sneezing"), q("fever", "sore_throat"), q("vomiting"), q("runny_nose", "sneezing"),
        q("fever", "cough"), q("vomiting", "fever"));
    return List.of(rare, ddxplus, kaggle);
  }

  static Query q(String... findings) {
    return Query.of(List.of(findings), List.of());
  }

  /** The gate fitted on {@link #validation()} like the trainer does: each world the same total weight. */
  static double[][] fittedGate(Engines engines) {
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    List<List<Query>> worlds = validation();
    for (int world = 0; world < worlds.size(); world++) {
      for (Query query : worlds.get(world)) {
        x.add(engines.score(query, 0).features());
        y.add(world);
        w.add(1.0 / worlds.get(world).size());
      }
    }
    return WorldGate.fit(x.toArray(double[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
        w.stream().mapToDouble(Double::doubleValue).toArray(), 0.01, 1500);
  }
}
