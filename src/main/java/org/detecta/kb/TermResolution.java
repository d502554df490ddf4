package org.detecta.kb;

import org.monarchinitiative.phenol.ontology.data.TermId;

import java.util.Objects;
import java.util.Optional;

/**
 * What an HPO id given by a user or a file resolves to. {@code term} is the current term to use: present for
 * {@link Status#CURRENT}, {@link Status#ALTERNATIVE} (an alt id merged into a current term) and for an
 * {@link Status#OBSOLETE} id that names exactly one replacement ({@code replaced_by}); empty otherwise.
 */
public record TermResolution(String input, Status status, Optional<TermId> term) {
  public enum Status { CURRENT, ALTERNATIVE, OBSOLETE, UNKNOWN, MALFORMED }

  public TermResolution {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(term, "term");
  }

  public boolean usable() {
    return term.isPresent();
  }

  /** A one-line explanation fit for an error message, naming the input value. */
  public String describe(String release) {
    return switch (status) {
      case CURRENT -> input + " is a current HPO term";
      case ALTERNATIVE -> input + " is an alternative id of " + term.orElseThrow().getValue();
      case OBSOLETE -> term.isPresent()
          ? input + " is obsolete in HPO " + release + "; replaced by " + term.get().getValue()
          : input + " is obsolete in HPO " + release + "; use its replacement term";
      case UNKNOWN -> input + " is not an HPO term (HPO " + release + "); check the id or use the term's label";
      case MALFORMED -> "'" + input + "' is not an HPO id of the form HP:0000000";
    };
  }
}
