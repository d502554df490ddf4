package org.detecta.diagnosis;

import java.util.Objects;

/**
 * Why a finding moved a candidate up or down: the patient's finding, the disease feature it was matched
 * to (may be empty), how, and its contribution on the log scale (positive argues for the disease).
 * Explanations are data; text is rendered at the edges.
 */
public record Evidence(String finding, String feature, MatchKind match, double contribution) {
  public Evidence {
    Objects.requireNonNull(finding, "finding");
    feature = feature == null ? "" : feature;
    Objects.requireNonNull(match, "match");
  }
}
