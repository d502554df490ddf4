package org.detecta.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The output of training one model family: the serialized artifact plus everything the registry records
 * about it. {@code metrics} is keyed by split ("validation", "test", "cv") then metric name.
 * {@code inputs}/{@code outputs} form the signature: accepted finding ids and output classes.
 */
public record TrainedModel(String name, byte[] artifact, Map<String, Object> parameters,
                           Map<String, Map<String, Double>> metrics, List<DataFile> data,
                           List<String> inputs, List<String> outputs, boolean gatePassed,
                           List<String> gateReasons) {
  /**
   * Parameter under which a family hands over its drift reference ({@code monitor.DriftReference#toMetadata});
   * the registry stores it as {@code metadata.reference}, not among the parameters.
   */
  public static final String DRIFT_REFERENCE = "reference";

  public TrainedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(artifact, "artifact");
    parameters = Map.copyOf(parameters);
    metrics = Map.copyOf(metrics);
    data = List.copyOf(data);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    gateReasons = List.copyOf(gateReasons);
  }
}
