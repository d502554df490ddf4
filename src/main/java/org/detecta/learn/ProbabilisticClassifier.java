package org.detecta.learn;

import java.util.Optional;

/** A fitted classifier over a fixed class order: rows of class probabilities for rows of features. */
public interface ProbabilisticClassifier {
  double[][] probabilities(double[][] x);

  /**
   * The model in its library's own safe format (Tribuo protobuf), or empty when the library offers only
   * Java serialization (Smile 2.6), which Detecta does not store.
   */
  Optional<byte[]> libraryBytes();
}
