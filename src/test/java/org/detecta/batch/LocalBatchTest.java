package org.detecta.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.detecta.cli.ExitCodes;
import org.detecta.cli.Main;
import org.detecta.config.DetectaPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --engine local}: real DDXPlus patients through a small real model; CSV rows; bad input; atomic output. */
class LocalBatchTest {
  @TempDir
  static Path dir;
  static DetectaPaths paths;

  @BeforeAll
  static void registerModel() throws Exception {
    paths = BatchFixtures.registerDdxplus(dir.resolve("home"));
  }

  private static int batch(String... extra) {
    String[] base = {"batch", "--home", paths.home().toString(), "--data", paths.data().toString()};
    String[] all = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    return Main.run(all);
  }

  @Test
  void everyPatientGetsTopRankedRowsInACommittedCsv() throws Exception {
    Path out = dir.resolve("out-csv");
    PrintStream saved = System.out;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = batch("--model", "ddxplus", "--input", BatchFixtures.ddxplusPatients().toString(), "--out", out.toString(),
          "--format", "csv", "--top", "3");
    } finally {
      System.setOut(saved);
    }
    assertEquals(ExitCodes.OK, code);
    String json = stdout.toString(StandardCharsets.UTF_8).trim();
    assertTrue(json.contains("\"patients\":1827") && json.contains("\"rows\":5481"), json);
    List<String> lines = Files.readAllLines(out.resolve("part-00000.csv"));
    assertEquals(String.join(",", BatchRow.COLUMNS), lines.get(0));
    assertEquals(1 + 1827 * 3, lines.size());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    String[] first = lines.get(1).split(",");
    String[] second = lines.get(2).split(",");
    assertEquals("ddxplus:patients.csv:2", first[0]);
    assertEquals("1", first[1]);
    assertEquals("2", second[1]);
    assertTrue(Double.parseDouble(first[4]) >= Double.parseDouble(second[4]), lines.get(1) + " / " + lines.get(2));
    assertEquals("common", first[5]);
    try (Stream<Path> siblings = Files.list(dir)) {
      assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary directory left");
    }
  }

  @Test
  void badInputFailsWithUsageExitAndWritesNothing() throws Exception {
    Path out = dir.resolve("never");
    assertEquals(ExitCodes.INVALID_INPUT, batch("--model", "no-such-model", "--input",
        BatchFixtures.ddxplusPatients().toString(), "--out", out.toString(), "--format", "csv"));
    assertEquals(ExitCodes.INVALID_INPUT, batch("--model", "ddxplus", "--input", dir.resolve("missing.csv").toString(),
        "--out", out.toString(), "--format", "csv"));
    Path noColumns = dir.resolve("bad.csv");
    Files.writeString(noColumns, "age,sex\n30,F\n");
    assertEquals(ExitCodes.INVALID_INPUT, batch("--model", "ddxplus", "--input", noColumns.toString(),
        "--out", out.toString(), "--format", "csv"));
    Path taken = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(taken.resolve("x"), "keep me");
    assertEquals(ExitCodes.INVALID_INPUT, batch("--model", "ddxplus", "--input",
        BatchFixtures.ddxplusPatients().toString(), "--out", taken.toString(), "--format", "csv"));
    assertEquals("keep me", Files.readString(taken.resolve("x")));
    assertFalse(Files.exists(out));
  }

  @Test
  void anUncommittedOutputLeavesNothingVisible() throws Exception {
    Path target = dir.resolve("interrupted");
    Path temp;
    try (OutputDir out = OutputDir.create(target)) {
      temp = out.temp();
      try (RowSink sink = new CsvFormat().open(out.temp(), 0)) {
        sink.write(new BatchRow("p1", 1, "d", "D, with comma", 0.5, "common", "m", 1, false));
      }
      // no commit: the run "died" here
    }
    assertFalse(Files.exists(target));
    assertFalse(Files.exists(temp));
  }

  @Test
  void csvQuotesNamesWithCommas() {
    assertEquals("p,1,d,\"A, \"\"B\"\"\",0.25,rare,m,2,true\n",
        CsvFormat.line(new BatchRow("p", 1, "d", "A, \"B\"", 0.25, "rare", "m", 2, true)));
  }
}
