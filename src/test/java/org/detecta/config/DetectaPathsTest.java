package org.detecta.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DetectaPathsTest {
  @TempDir
  Path tmp;

  private Map<String, String> props(Path repo) {
    return Map.of("user.home", tmp.resolve("user").toString(), "detecta.repo", repo.toString());
  }

  @Test
  void flagsWinOverEnvironment() {
    DetectaPaths paths = DetectaPaths.resolve(Optional.of(tmp.resolve("d")), Optional.of(tmp.resolve("h")),
        Map.of("DETECTA_DATA", "/elsewhere", "DETECTA_HOME", "/elsewhere2"), props(tmp.resolve("repo")));
    assertEquals(tmp.resolve("d"), paths.data());
    assertEquals(tmp.resolve("h"), paths.home());
  }

  @Test
  void environmentWinsOverSharedDataNextToTheRepository() throws Exception {
    Files.createDirectories(tmp.resolve("shared/data"));
    DetectaPaths paths = DetectaPaths.resolve(Optional.empty(), Optional.empty(),
        Map.of("DETECTA_DATA", tmp.resolve("env-data").toString()), props(tmp.resolve("repo")));
    assertEquals(tmp.resolve("env-data"), paths.data());
  }

  @Test
  void usesSharedDataNextToTheRepositoryWhenItExists() throws Exception {
    Files.createDirectories(tmp.resolve("shared/data"));
    DetectaPaths paths = DetectaPaths.resolve(Optional.empty(), Optional.empty(), Map.of(), props(tmp.resolve("repo")));
    assertEquals(tmp.resolve("shared/data"), paths.data());
    assertEquals(tmp.resolve("user/.detecta"), paths.home());
  }

  @Test
  void fallsBackToTheHomeDataDirectory() {
    DetectaPaths paths = DetectaPaths.resolve(Optional.empty(), Optional.empty(),
        Map.of("DETECTA_HOME", tmp.resolve("h").toString()), props(tmp.resolve("repo")));
    assertEquals(tmp.resolve("h/data"), paths.data());
  }
}
