package org.detecta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.detecta.kb.TermIndex;
import org.detecta.text.AnnotatedDocument;
import org.detecta.text.GscCorpusReader;
import org.detecta.text.Language;
import org.detecta.text.NoteExtractor;
import org.detecta.text.SpanishLabels;
import org.detecta.text.StatusNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code detecta bench extract}: how long the note dictionaries (es + en) take to build once the knowledge
 * base is loaded, and how many MB of text per second one thread extracts, note by note, after warm-up. Wall
 * and CPU time of the measuring thread are both reported: on a shared machine the CPU figure is the one-core speed.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Note extraction: dictionary build time (both languages) and single-thread MB/s after warm-up.")
public final class BenchExtractCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--corpus", paramLabel = "FILE", description = "GSC+-format corpus whose texts are the notes "
      + "(default: the data directory's text/GSCplus_dev_gold.tsv)")
  Path corpus;

  @Option(names = "--notes", description = "--corpus is a notes TSV (id, text, expected findings) instead")
  boolean notes;

  @Option(names = "--text", paramLabel = "FILE", description = "One note (UTF-8) instead of a corpus")
  String text;

  @Option(names = "--lang", paramLabel = "LANG", description = "es, en or auto (default: ${DEFAULT-VALUE})")
  String lang = "auto";

  @Option(names = "--seconds", description = "Measure for about this long (default: ${DEFAULT-VALUE})")
  double seconds = 5;

  @Mixin
  JsonOutput output;

  @Override
  public Integer call() throws Exception {
    Language language = Language.parse(lang);
    List<String> texts = texts();
    long t0 = System.nanoTime();
    TermIndex terms = common.detecta().knowledgeBase().get().terms();
    double kbSeconds = (System.nanoTime() - t0) / 1e9;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    NoteExtractor extractor = NoteExtractor.create(terms, SpanishLabels.fromDataDir(common.paths().data()));
    double buildSeconds = (System.nanoTime() - t1) / 1e9;
    double buildCpuSeconds = (cpu.getCurrentThreadCpuTime() - c1) / 1e9;
    long bytesPerPass = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    long warmUntil = System.nanoTime() + 2_000_000_000L;
    int findings = 0;
    while (System.nanoTime() < warmUntil) {
      findings = pass(extractor, texts, language);
    }
    long bytes = 0;
    int passes = 0;
    long started = System.nanoTime();
    long cpuStarted = cpu.getCurrentThreadCpuTime();
    long stop = started + (long) (seconds * 1e9);
    while (System.nanoTime() < stop || passes == 0) {
      pass(extractor, texts, language);
      bytes += bytesPerPass;
      passes++;
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
    ObjectNode out = new ObjectMapper().createObjectNode();
    out.put("notes", texts.size());
    out.put("bytes_per_pass", bytesPerPass);
    out.put("findings_per_pass", findings);
    out.put("passes", passes);
    out.put("threads", 1);
    out.put("mb_per_second", ExtractCommand.round(bytes / 1e6 / elapsed));
    out.put("mb_per_cpu_second", ExtractCommand.round(bytes / 1e6 / cpuSeconds));
    out.put("dictionary_build_seconds", ExtractCommand.round(buildSeconds));
    out.put("dictionary_build_cpu_seconds", ExtractCommand.round(buildCpuSeconds));
    out.put("kb_load_seconds", ExtractCommand.round(kbSeconds));
    out.put("dictionary_phrases_es", extractor.dictionarySize(Language.ES));
    out.put("dictionary_phrases_en", extractor.dictionarySize(Language.EN));
    long measured = bytes;
    output.print(() -> out, () -> System.out.printf("%d notes, %d bytes: %.2f MB/s on one thread (%.2f MB per CPU"
        + " second); dictionaries built in %.2f s (%.2f CPU s; KB load %.2f s)%n", texts.size(), bytesPerPass,
        measured / 1e6 / elapsed, measured / 1e6 / cpuSeconds, buildSeconds, buildCpuSeconds, kbSeconds));
    return ExitCodes.OK;
  }

  private static int pass(NoteExtractor extractor, List<String> texts, Language language) {
    int findings = 0;
    for (String t : texts) {
      findings += extractor.extract(t, language).findings().size();
    }
    return findings;
  }

  private List<String> texts() throws Exception {
    if (text != null) {
      return List.of(ExtractCommand.read(text));
    }
    Path file = corpus != null ? corpus : common.paths().data().resolve("text").resolve("GSCplus_dev_gold.tsv");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--corpus " + file + ": no such file");
    }
    if (notes) {
      try (var in = Files.newInputStream(file)) {
        return StatusNote.read(in, file.toString()).stream().map(StatusNote::text).toList();
      }
    }
    return GscCorpusReader.read(file).stream().map(AnnotatedDocument::text).toList();
  }
}
