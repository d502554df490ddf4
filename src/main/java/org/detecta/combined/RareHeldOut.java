package org.detecta.combined;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.detecta.cases.PatientCase;
import org.detecta.cases.PhenopacketReader;
import org.detecta.kb.KnowledgeBase;
import org.detecta.rank.GroupedSplit;
import org.detecta.rank.PhenopacketDirectory;
import org.detecta.rank.RareArtifact;
import org.detecta.rank.RareEngine;
import org.detecta.rank.RareTrainer;
import org.detecta.rank.ResolvedCase;
import org.detecta.rank.TermResolver;

/**
 * The rare engine as the combination may see it while fitting: case profiles learned from the training
 * publications only (the same seeded publication-grouped 70/20/10 split as {@code rare-phenotype}), with the
 * parameters and fusion weights of the trained {@code rare-phenotype} artifact, plus the validation and test
 * cases. Uses only the rare engine's public API.
 */
public record RareHeldOut(RareEngine trainOnly, List<PatientCase> validation, List<PatientCase> test) {
  public RareHeldOut {
    validation = List.copyOf(validation);
    test = List.copyOf(test);
  }

  static final double[] FRACTIONS = {0.7, 0.2, 0.1};

  public static RareHeldOut of(Path dataDir, long seed, KnowledgeBase kb, byte[] rareArtifact) throws IOException {
    RareArtifact stored = RareArtifact.read(rareArtifact, kb.terms());
    Path packets = dataDir.resolve("phenopackets");
    List<PatientCase> cases = new PhenopacketReader().read(packets).cases().stream()
        .filter(c -> !c.diagnoses().isEmpty()).toList();
    TermResolver resolver = new TermResolver(kb.terms());
    List<ResolvedCase> resolved = cases.stream().map(resolver::resolve).toList();
    int[] parts = GroupedSplit.parts(resolved, FRACTIONS, seed);
    List<PatientCase> validation = new ArrayList<>();
    List<PatientCase> test = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      (parts[i] == 1 ? validation : parts[i] == 2 ? test : new ArrayList<PatientCase>()).add(cases.get(i));
    }
    RareTrainer trainer = new RareTrainer(kb, stored.parameters(), PhenopacketDirectory.scan(packets).labels());
    return new RareHeldOut(trainer.engine(GroupedSplit.select(resolved, parts, 0, true), stored.weights()), validation, test);
  }
}
