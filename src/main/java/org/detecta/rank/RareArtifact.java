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
 * serialization) with the HPO release fingerprint, parameters, fusion weights, training case ids and the
 * learned case profiles (terms as HPO ids, so the artifact does not depend on index order).
 */
public record RareArtifact(HpoRelease release, RankParameters parameters, FusionWeights weights,
                           List<String> trainingCaseIds, CaseProfiles profiles, Map<String, String> labels) {
  private static final int MAGIC = 0x52415245; // "RARE"
  private static final int FORMAT = 1;

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
      out.writeDouble(parameters.falsePositive());
      out.writeDouble(parameters.smoothing());
      out.writeDouble(parameters.publicationCap());
      out.writeDouble(parameters.maxPresent());
      out.writeDouble(weights.similarity());
      out.writeDouble(weights.lrKb());
      out.writeDouble(weights.lrCases());
      out.writeDouble(weights.excluded());
      out.writeDouble(weights.temperature());
      out.writeInt(trainingCaseIds.size());
      for (String id : trainingCaseIds) {
        out.writeUTF(id);
      }
      out.writeInt(labels.size());
      for (var e : new java.util.TreeMap<>(labels).entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeInt(profiles.diseases().size());
      for (String id : profiles.diseaseIds()) {
        CaseProfiles.Learned l = profiles.diseases().get(id);
        out.writeUTF(id);
        out.writeDouble(l.weight());
        out.writeInt(l.terms().size());
        for (var t : new java.util.TreeMap<>(l.terms()).entrySet()) {
          out.writeUTF(terms.id(t.getKey()).getValue());
          out.writeFloat(t.getValue());
        }
        out.writeInt(l.direct().length);
        for (int t : l.direct()) {
          out.writeUTF(terms.id(t).getValue());
        }
      }
    }
    return bytes.toByteArray();
  }

  public static RareArtifact read(byte[] artifact, TermIndex terms) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(artifact)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("Not a rare-phenotype artifact");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IOException("Unsupported rare-phenotype artifact format " + format + " (this build reads " + FORMAT + ")");
      }
      HpoRelease release = new HpoRelease(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
      RankParameters parameters = new RankParameters(in.readDouble(), in.readDouble(), in.readDouble(),
          in.readDouble(), in.readDouble());
      FusionWeights weights = new FusionWeights(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
          in.readDouble());
      int n = in.readInt();
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(in.readUTF());
      }
      int nl = in.readInt();
      Map<String, String> labels = new HashMap<>();
      for (int i = 0; i < nl; i++) {
        labels.put(in.readUTF(), in.readUTF());
      }
      int nd = in.readInt();
      Map<String, CaseProfiles.Learned> learned = new HashMap<>();
      for (int i = 0; i < nd; i++) {
        String id = in.readUTF();
        double weight = in.readDouble();
        int nt = in.readInt();
        Map<Integer, Float> map = new HashMap<>();
        for (int j = 0; j < nt; j++) {
          String term = in.readUTF();
          float w = in.readFloat();
          terms.indexOf(TermId.of(term)).ifPresent(t -> map.merge(t, w, Math::max));
        }
        int nDirect = in.readInt();
        java.util.TreeSet<Integer> direct = new java.util.TreeSet<>();
        for (int j = 0; j < nDirect; j++) {
          terms.indexOf(TermId.of(in.readUTF())).ifPresent(direct::add);
        }
        learned.put(id, new CaseProfiles.Learned(weight, map, direct.stream().mapToInt(Integer::intValue).toArray()));
      }
      return new RareArtifact(release, parameters, weights, ids, new CaseProfiles(learned), labels);
    }
  }
}
