package org.detecta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.text.Extraction;
import org.detecta.text.Finding;
import org.detecta.text.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code detecta extract}: the findings of a clinical note (Spanish or English), with offsets and status. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Extract HPO findings (present, absent, uncertain, family) from a clinical note in Spanish or English.")
public final class ExtractCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--text", paramLabel = "FILE", description = "The note, UTF-8 ('-' = standard input, the default)")
  String text = "-";

  @Option(names = "--lang", paramLabel = "LANG", description = "es, en or auto (default: ${DEFAULT-VALUE})")
  String lang = "auto";

  @Mixin
  JsonOutput output;

  @Override
  public Integer call() throws Exception {
    Language language = Language.parse(lang);
    String note = read(text);
    Extraction extraction = common.detecta().noteExtractor().extract(note, language);
    output.print(() -> toJson(extraction), () -> printTable(extraction));
    return ExitCodes.OK;
  }

  private static void printTable(Extraction extraction) {
    System.out.println("language: " + extraction.language().code());
    for (Finding f : extraction.findings()) {
      System.out.printf("%d\t%d\t%s\t%s\t%s\t%s%n", f.start(), f.end(), f.text(), f.hpoId(), f.label(), f.status().code());
    }
  }

  static ObjectNode toJson(Extraction extraction) {
    ObjectNode out = new ObjectMapper().createObjectNode();
    out.put("language", extraction.language().code());
    ArrayNode findings = out.putArray("findings");
    for (Finding f : extraction.findings()) {
      ObjectNode node = findings.addObject();
      node.put("start", f.start());
      node.put("end", f.end());
      node.put("text", f.text());
      node.put("hpo_id", f.hpoId());
      node.put("label", f.label());
      node.put("status", f.status().code());
    }
    return out;
  }

  /** Reads UTF-8 text from a file or stdin, rejecting bytes that are not UTF-8 (binary data) with a clear message. */
  static String read(String source) throws IOException {
    byte[] bytes;
    if ("-".equals(source)) {
      bytes = System.in.readAllBytes();
    } else {
      Path path = Path.of(source);
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException("--text " + source + ": no such file");
      }
      bytes = Files.readAllBytes(path);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("--text " + source + ": not UTF-8 text (binary data?)");
    }
  }

  static double round(double value) {
    return Math.round(value * 10000.0) / 10000.0;
  }
}
