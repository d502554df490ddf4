package org.detecta.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** The {@code --json} option and the one place that honours it: exactly one JSON line on stdout, or the text. */
public final class JsonOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--json", description = "One JSON line on stdout")
  boolean json;

  /** With {@code --json}, prints what {@code line} gives as one compact JSON line; otherwise runs {@code text}. */
  void print(Supplier<?> line, Runnable text) {
    if (json) {
      printLine(line.get());
    } else {
      text.run();
    }
  }

  /** Prints {@code value} as exactly one JSON line on stdout: for commands whose only output is JSON. */
  static void printLine(Object value) {
    System.out.println(compact(value));
  }

  /** A value (a tree, a map, a record) as one line of JSON. */
  static String compact(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the JSON line: " + e.getOriginalMessage(), e);
    }
  }
}
