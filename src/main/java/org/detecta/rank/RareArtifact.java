package org.detecta.rank;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.detecta.kb.HpoRelease;
import org.detecta.kb.TermIndex;
import org.monarchinitiative.phenol.ontology.data.TermId;

/**
 * The stored form of a trained {@code rare-phenotype} model: gzipped DataOutputStream (no Java
 * serialization) with the HPO release fingerprint, parameters, fusion weights and temperature, disease
 * labels and the training cases themselves (id, publication, diagnoses, observed and excluded terms as HPO
 * ids, so the artifact does not depend on index order). Case profiles, neighbours and the prior are
 * rebuilt from the cases on load. Format 7 adds the re-ranker after the unlisted-disease logit (its length, 0 for none,
 * then XGBoost's model bytes; older formats load without one). Format 6 adds the reporting-rate pseudo-count after the NOT penalty (formats 4–5
 * are read with 0: KB frequencies uncorrected, as they were trained). Format 5 adds the fusion's unlisted-disease logit after the temperature (format 4,
 * read as without one, ranks and scores as it did). Format 4 (format 3 had no penalty for observed terms a disease is annotated NOT
 * to show, and its fusion weights were fitted on likelihood ratios that skipped the general ancestors; format 2
 * stored a false-positive rate where the noise model now has ε, and no size or frequency exponent); formats 1–3
 * are refused. Fusion
 * weights are stored by feature name: an artifact written before a feature existed loads with that weight 0
 * (it ranks exactly as when it was trained); a feature name this build does not know is refused.
 */
public record RareArtifact(HpoRelease release, RankParameters parameters, FusionModel weights,
                           List<ResolvedCase> cases, Map<String, String> labels) {
  private static final int MAGIC = 0x52415245; // "RARE"
  static final int FORMAT = 7;
  /** The oldest format still read: 4, whose fusion had no unlisted-disease logit (and 4–5 no reporting rates). */
  static final int OLDEST_FORMAT = 4;

  public RareArtifact {
    cases = List.copyOf(cases);
    labels = Map.copyOf(labels);
  }

  public List<String> trainingCaseIds() {
    return cases.stream().map(ResolvedCase::id).toList();
  }

  public byte[] write(TermIndex terms) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeUTF(release.ontologyVersion());
      out.writeUTF(release.annotationsDate());
      out.writeUTF(release.ontologySha256());
      out.writeUTF(release.annotationsSha256());
      out.writeDouble(parameters.unknownFrequency());
      out.writeDouble(parameters.noise());
      out.writeDouble(parameters.smoothing());
      out.writeDouble(parameters.publicationCap());
      out.writeDouble(parameters.maxPresent());
      out.writeDouble(parameters.sizeExponent());
      out.writeDouble(parameters.frequencyExponent());
      out.writeDouble(parameters.notPenalty());
      out.writeDouble(parameters.reportingPseudoCount());
      double[] w = weights.weights();
      out.writeInt(w.length);
      for (int f = 0; f < w.length; f++) {
        out.writeUTF(FusionFeatures.NAMES.get(f));
        out.writeDouble(w[f]);
      }
      out.writeDouble(weights.temperature());
      out.writeDouble(weights.unlisted());
      byte[] reranker = weights.reranker().map(Reranker::bytes).orElse(new byte[0]);
      out.writeInt(reranker.length);
      out.write(reranker);
      out.writeInt(labels.size());
      for (var e : new java.util.TreeMap<>(labels).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeInt(cases.size());
      for (ResolvedCase c : cases) {
        out.writeUTF(c.id());
        out.writeUTF(c.group());
        out.writeInt(c.diagnoses().size());
        for (String d : c.diagnoses()) {
          out.writeUTF(d);
        }
        writeTerms(out, c.observed(), terms);
        writeTerms(out, c.excluded(), terms);
      }
    }
    return bytes.toByteArray();
  }

  private static void writeTerms(DataOutputStream out, int[] ids, TermIndex terms) throws IOException {
    out.writeInt(ids.length);
    for (int t : ids) {
      out.writeUTF(terms.id(t).getValue());
    }
  }

  private static int[] readTerms(DataInputStream in, TermIndex terms) throws IOException {
    int n = in.readInt();
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    for (int i = 0; i < n; i++) {
      terms.indexOf(TermId.of(in.readUTF())).ifPresent(out::add);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Named fusion weights, the temperature, (from format 5) the unlisted-disease logit and (from format 7) the
   * re-ranker. Features missing from the
   * artifact (added after it was written) weigh 0; an unknown name means a newer or different build wrote it.
   */
  static FusionModel readWeights(DataInputStream in, int format) throws IOException {
    int nf = in.readInt();
    double[] w = new double[FusionFeatures.COUNT];
    for (int f = 0; f < nf; f++) {
      String name = in.readUTF();
      int index = FusionFeatures.NAMES.indexOf(name);
      if (index < 0) {
        throw new IOException("rare-phenotype artifact has fusion feature '" + name + "', unknown to this build; "
            + "retrain it with ./detecta train --model rare-phenotype");
      }
      w[index] = in.readDouble();
    }
    double temperature = in.readDouble();
    FusionModel model = new FusionModel(w, temperature, format >= 5 ? in.readDouble() : Double.NEGATIVE_INFINITY);
    int rerankerBytes = format >= 7 ? in.readInt() : 0;
    if (rerankerBytes > 0) {
      return model.withReranker(new Reranker(in.readNBytes(rerankerBytes)));
    }
    return model;
  }

  public static RareArtifact read(byte[] artifact, TermIndex terms) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(artifact)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("Not a rare-phenotype artifact");
      }
      int format = in.readInt();
      if (format < OLDEST_FORMAT || format > FORMAT) {
        throw new IOException("Unsupported rare-phenotype artifact format " + format + " (this build reads formats "
            + OLDEST_FORMAT + "–" + FORMAT + "); retrain it with ./detecta train --model rare-phenotype");
      }
      HpoRelease release = new HpoRelease(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
      RankParameters parameters = new RankParameters(in.readDouble(), in.readDouble(), in.readDouble(),
          in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
          format >= 6 ? in.readDouble() : 0);
      FusionModel weights = readWeights(in, format);
      int nl = in.readInt();
      Map<String, String> labels = new HashMap<>();
      for (int i = 0; i < nl; i++) {
        labels.put(in.readUTF(), in.readUTF());
      }
      int n = in.readInt();
      List<ResolvedCase> cases = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        String group = in.readUTF();
        int nd = in.readInt();
        List<String> diagnoses = new ArrayList<>(nd);
        for (int j = 0; j < nd; j++) {
          diagnoses.add(in.readUTF());
        }
        int[] observed = readTerms(in, terms);
        int[] excluded = readTerms(in, terms);
        cases.add(new ResolvedCase(id, group, observed, excluded, diagnoses, List.of()));
      }
      return new RareArtifact(release, parameters, weights, cases, labels);
    }
  }
}
