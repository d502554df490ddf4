package org.detecta.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.detecta.Detecta;
import org.detecta.SharedData;
import org.detecta.cases.DdxplusCatalog;
import org.detecta.cases.DdxplusPatient;
import org.detecta.cases.DdxplusReader;
import org.detecta.config.DetectaPaths;
import org.detecta.learn.CommonModelArtifact;
import org.detecta.learn.Families;
import org.detecta.learn.FeatureSpace;
import org.detecta.learn.ModelSpec;
import org.detecta.learn.ProbabilisticClassifier;
import org.detecta.pipeline.TrainedModel;

/**
 * A small real {@code ddxplus} model registered in a temporary home, fitted in about a second on the first
 * patients of the shared DDXPlus file (no release loop): what batch tests score with. Also used by the Spark
 * module's tests (test-jar).
 */
public final class BatchFixtures {
  private BatchFixtures() {
  }

  public static Path ddxplusPatients() {
    return SharedData.path("ddxplus/patients.csv");
  }

  /** Registers {@code ddxplus:1} (@champion) under {@code home}; returns the paths to use. */
  public static DetectaPaths registerDdxplus(Path home) throws Exception {
    DetectaPaths paths = new DetectaPaths(SharedData.dir(), home);
    DdxplusCatalog catalog = DdxplusCatalog.load(SharedData.path("ddxplus"));
    FeatureSpace space = FeatureSpace.ddxplus(catalog);
    List<DdxplusPatient> patients = new DdxplusReader().readPatients(ddxplusPatients()).patients().subList(0, 800);
    List<String> classes = patients.stream().map(DdxplusPatient::diagnosis).distinct().sorted().toList();
    double[][] x = new double[patients.size()][];
    int[] y = new int[patients.size()];
    for (int i = 0; i < x.length; i++) {
      var p = patients.get(i).patient();
      x[i] = space.encode(p.observed(), p.sex(), p.ageYears()).x();
      y[i] = classes.indexOf(patients.get(i).diagnosis());
    }
    ModelSpec spec = new ModelSpec("logistic", Map.of("epochs", 5, "learningRate", 0.5), "none", 0);
    ProbabilisticClassifier classifier = Families.fit(spec, x, y, classes, 1);
    byte[] artifact = new CommonModelArtifact("ddxplus", spec.toString(), space, Optional.empty(), 1.0, classes,
        classifier.libraryBytes().orElseThrow()).toBytes();
    TrainedModel model = new TrainedModel("ddxplus", artifact, Map.of("spec", spec.toString()),
        Map.of("test", Map.of("top1", 0.9)), List.of(), List.of(), new ArrayList<>(classes), true, List.of());
    var registry = new Detecta(paths).registry();
    int version = registry.register(model, "test-run", "test", "test").version();
    registry.setAlias("ddxplus", version, "champion", "test");
    return paths;
  }
}
