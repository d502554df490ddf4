package org.detecta.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentTest {
  @Test
  void configFileIsReadUnderTheEnvironment(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("detecta.env");
    Files.writeString(file, "# settings\nDETECTA_MAX_FINDINGS=20\n\nDETECTA_DB_URL = \"jdbc:postgresql://db/x\"\n"
        + "DETECTA_HTTP_THREADS=4\n");
    Map<String, String> merged = Environment.withConfigFile(Map.of("DETECTA_CONFIG", file.toString(),
        "DETECTA_HTTP_THREADS", "16"));
    assertEquals("20", merged.get("DETECTA_MAX_FINDINGS"));
    assertEquals("jdbc:postgresql://db/x", merged.get("DETECTA_DB_URL"));
    assertEquals("16", merged.get("DETECTA_HTTP_THREADS"), "the environment wins over the file");
  }

  @Test
  void withoutAFileTheEnvironmentIsUnchanged() {
    Map<String, String> env = Map.of("DETECTA_HOME", "/x");
    assertSame(env, Environment.withConfigFile(env));
  }

  @Test
  void badLinesAndMissingFilesAreClearErrors(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("bad.env");
    Files.writeString(file, "DETECTA_HOME=/x\nPATH=/bin\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Environment.parse(file));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("PATH=/bin"), e.getMessage());
    UncheckedIOException missing = assertThrows(UncheckedIOException.class,
        () -> Environment.withConfigFile(Map.of("DETECTA_CONFIG", tmp.resolve("none.env").toString())));
    assertTrue(missing.getMessage().contains("DETECTA_CONFIG"), missing.getMessage());
  }
}
