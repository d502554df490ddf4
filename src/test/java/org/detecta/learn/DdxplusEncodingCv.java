package org.detecta.learn;

import java.nio.file.*;
import java.util.*;
import org.detecta.cases.*;

import org.detecta.pipeline.*;

/**
 * Exploration tool (not a test): 5-fold cross-validated accuracy of a DDXPlus encoding and model family on
 * the train+validation rows of the seed-42 split (the test split is never touched). Encodings: {@code base}
 * (the shipped FeatureSpace), plus any of {@code agebins}, {@code init} (one-hot initial evidence), {@code numhot}
 * (one-hot numeric answers), {@code profiles} (probabilities restricted by the release's condition profiles, as
 * {@link CommonModel} does), {@code temp} (temperature 0.8 applied first, as a calibrated model does), {@code ref} (then mixes in, at weight {@code refWeight} (default 0.05), a soft-label regression fitted on the
 * fold's reference differentials, as the product does), {@code mask} (also top-1 with a seeded half of
 * each held-out patient's findings hidden, as {@code evaluate --mask 0.5}) joined by {@code +}. Usage:
 * {@code java -cp target/detecta.jar:target/test-classes org.detecta.learn.DdxplusEncodingCv base logistic epochs 20 learningRate 0.5}
 */
public final class DdxplusEncodingCv {
  public static void main(String[] a) throws Exception {
    java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
    Path data = org.detecta.SharedData.dir();
    DdxplusSource src = new DdxplusSource();
    CommonSource.Prepared prep = src.prepare(data);
    DdxplusReader.Batch batch = new DdxplusReader().readPatients(data.resolve("ddxplus/patients.csv"));
    Map<String, DdxplusPatient> byId = new HashMap<>();
    batch.patients().forEach(p -> byId.put(p.patient().id(), p));
    List<List<PatientCase>> parts = CommonTrainer.split(prep, 42);
    List<PatientCase> dev = new ArrayList<>(parts.get(0)); dev.addAll(parts.get(1));
    List<String> classes = prep.cases().stream().map(c -> c.diagnoses().get(0)).distinct().sorted().toList();
    FeatureSpace space = prep.space();
    List<String> evids = new ArrayList<>(space.tokens().stream().filter(t -> !t.contains("_@_")).toList());
    String enc = a[0];
    String fam = a[1];
    Map<String,Object> params = new LinkedHashMap<>();
    for (int i = 2; i + 1 < a.length; i += 2) params.put(a[i], Double.parseDouble(a[i+1]));
    int k = 5; Random r = new Random(1);
    int[] fold = new int[dev.size()]; for (int i = 0; i < fold.length; i++) fold[i] = i % k;
    for (int i = fold.length - 1; i > 0; i--) { int j = r.nextInt(i + 1); int t = fold[i]; fold[i] = fold[j]; fold[j] = t; }
    double[][] x = new double[dev.size()][]; int[] y = new int[dev.size()];
    for (int i = 0; i < dev.size(); i++) { x[i] = encode(space, dev.get(i), byId.get(dev.get(i).id()), enc, evids); y[i] = classes.indexOf(dev.get(i).diagnoses().get(0)); }
    int right = 0; int maskedRight = 0; Map<String,Integer> conf = new TreeMap<>(); double refP = 0, refR = 0; int refN = 0;
    long t0 = System.nanoTime();
    for (int f = 0; f < k; f++) {
      List<double[]> tx = new ArrayList<>(); List<Integer> ty = new ArrayList<>();
      for (int i = 0; i < x.length; i++) if (fold[i] != f) { tx.add(x[i]); ty.add(y[i]); }
      ProbabilisticClassifier c = fit(fam, params, tx.toArray(double[][]::new), ty.stream().mapToInt(Integer::intValue).toArray(), classes);
      List<double[]> vx = new ArrayList<>(); List<Integer> vi = new ArrayList<>();
      for (int i = 0; i < x.length; i++) if (fold[i] == f) { vx.add(x[i]); vi.add(i); }
      double[][] vxa = vx.toArray(double[][]::new);
      double[][] p = c.probabilities(vxa);
      if (enc.contains("temp")) p = TemperatureScaling.apply(p, 0.8);
      if (enc.contains("profiles")) p = space.restrict(vxa, p, classes);
      if (enc.contains("ref")) { List<double[]> targets = new ArrayList<>(); for (int i = 0; i < x.length; i++) if (fold[i] != f) targets.add(referenceTargets(byId.get(dev.get(i).id()), classes, y[i]));
        double[][] soft = SoftLabelRegression.fit(tx.toArray(double[][]::new), targets.toArray(double[][]::new), SoftLabelRegression.Settings.defaults()).probabilities(vxa);
        double lam = ((Number) params.getOrDefault("refWeight", 0.05)).doubleValue();
        for (int j = 0; j < p.length; j++) for (int q = 0; q < p[j].length; q++) p[j][q] = (1 - lam) * p[j][q] + lam * soft[j][q]; }
      if (enc.contains("mask")) { Random hide = new Random(f); double[][] mx = new double[vi.size()][];
        for (int j = 0; j < mx.length; j++) { PatientCase pc = dev.get(vi.get(j)); List<String> fs = new ArrayList<>(pc.observed()); Collections.shuffle(fs, hide);
          mx[j] = encode(space, new PatientCase(pc.id(), pc.source(), pc.publication(), pc.sex(), pc.ageYears(), fs.subList(0, Math.max(1, (int) Math.round(fs.size() * 0.5))), pc.excluded(), pc.diagnoses()), byId.get(pc.id()), enc, evids); }
        double[][] mp = c.probabilities(mx); if (enc.contains("temp")) mp = TemperatureScaling.apply(mp, 0.8); if (enc.contains("profiles")) mp = space.restrict(mx, mp, classes);
        for (int j = 0; j < mp.length; j++) { int best = 0; for (int q = 1; q < mp[j].length; q++) if (mp[j][q] > mp[j][best]) best = q; if (best == y[vi.get(j)]) maskedRight++; } }
      for (int j = 0; j < p.length; j++) { int best = 0; for (int q = 1; q < p[j].length; q++) if (p[j][q] > p[j][best]) best = q;
        int truth = y[vi.get(j)]; if (best == truth) right++; else conf.merge(classes.get(truth) + " -> " + classes.get(best), 1, Integer::sum);
        List<String> ref = byId.get(dev.get(vi.get(j)).id()).referenceDifferential().stream().limit(5).map(DdxplusPatient.RankedDiagnosis::name).toList();
        if (!ref.isEmpty()) { double[] pj = p[j];
          List<String> top = java.util.stream.IntStream.range(0, pj.length).boxed().sorted(Comparator.comparingDouble((Integer q) -> -pj[q]).thenComparing(q -> q)).limit(5).map(classes::get).toList();
          long hits = top.stream().filter(ref::contains).count(); refP += hits / 5.0; refR += hits / (double) ref.size(); refN++; } }
    }
    double rp = refP / refN, rr = refR / refN;
    System.out.printf("%s %s %s cv-acc %.4f (%d/%d) reference-top5 P/R/F1 %.3f/%.3f/%.3f%s %.1fs %s%n", enc, fam, params, right / (double) x.length, x.length - right, x.length, rp, rr, 2 * rp * rr / (rp + rr),
        enc.contains("mask") ? String.format(" masked50-top1 %.4f", maskedRight / (double) x.length) : "", (System.nanoTime()-t0)/1e9, conf);
  }
  /**
   * One family with the given parameters, or {@code a,b@key=v;key=v,c}: the soft vote (mean probability) of those families
   * with their models.yaml defaults; a member's {@code vote=w} weighs it (default 1, weights normalised).
   */
  static ProbabilisticClassifier fit(String fam, Map<String, Object> params, double[][] x, int[] y, List<String> classes) throws Exception {
    if (!fam.contains(",")) return Families.fit(new ModelSpec(fam, params, "none", 0), x, y, classes, 42);
    ModelsConfig config = ModelsConfig.load(ModelsConfig.configFile("models.yaml"));
    List<ProbabilisticClassifier> members = new ArrayList<>();
    List<Double> votes = new ArrayList<>();
    for (String member : fam.split(",")) {
      String f = member.split("@")[0];
      Map<String, Object> p = new LinkedHashMap<>(config.defaults().get(f));
      for (String kv : member.contains("@") ? member.substring(member.indexOf('@') + 1).split(";") : new String[0]) p.put(kv.split("=")[0], Double.parseDouble(kv.split("=")[1]));
      votes.add(((Number) p.getOrDefault("vote", 1.0)).doubleValue());
      members.add(Families.fit(new ModelSpec(f, p, "none", 0), x, y, classes, 42));
    }
    double total = votes.stream().mapToDouble(Double::doubleValue).sum();
    return new ProbabilisticClassifier() {
      public double[][] probabilities(double[][] rows) {
        double[][] sum = new double[rows.length][classes.size()];
        for (int m = 0; m < members.size(); m++) { double[][] p = members.get(m).probabilities(rows); for (int i = 0; i < p.length; i++) for (int j = 0; j < p[i].length; j++) sum[i][j] += p[i][j] * votes.get(m) / total; }
        return sum;
      }
      public Optional<byte[]> libraryBytes() { return Optional.empty(); }
    };
  }

  /** The patient's reference differential as a distribution over the classes (its diagnosis alone when it has none). */
  static double[] referenceTargets(DdxplusPatient p, List<String> classes, int diagnosis) {
    double[] t = new double[classes.size()]; double sum = 0;
    for (DdxplusPatient.RankedDiagnosis d : p.referenceDifferential()) { int c = classes.indexOf(d.name()); if (c >= 0) { t[c] += d.probability(); sum += d.probability(); } }
    if (sum <= 0) { t[diagnosis] = 1; return t; }
    for (int c = 0; c < t.length; c++) t[c] /= sum;
    return t;
  }

  static double[] encode(FeatureSpace s, PatientCase c, DdxplusPatient p, String enc, List<String> evids) {
    double[] base = s.encode(c.observed(), c.sex(), c.ageYears()).x();
    List<Double> extra = new ArrayList<>();
    double age = c.ageYears().orElse(0.0);
    if (enc.contains("agebins")) { double[] cuts = {1, 5, 15, 30, 45, 60, 75}; for (double cut : cuts) extra.add(age < cut ? 1.0 : 0.0); }
    if (enc.contains("init")) { for (String e : evids) extra.add(p.initialEvidence().equals(e) ? 1.0 : 0.0); }
    if (enc.contains("numhot")) { for (String ev : List.of("E_56","E_58","E_59","E_134","E_132","E_136")) for (int v = 0; v <= 10; v++) extra.add(c.observed().contains(ev + "_@_" + v) ? 1.0 : 0.0); }
    if (enc.contains("scale")) { for (int i = 0; i < base.length; i++) base[i] *= 1.0; }
    double[] out = Arrays.copyOf(base, base.length + extra.size());
    for (int i = 0; i < extra.size(); i++) out[base.length + i] = extra.get(i);
    return out;
  }
}
