package org.detecta.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the data directory and the home directory the way the command-line contract says.
 * Data: {@code --data}, else {@code $DETECTA_DATA}, else {@code ../shared/data} next to the repository
 * when it exists, else {@code ~/.detecta/data}. Home: {@code --home}, else {@code $DETECTA_HOME}, else
 * {@code ~/.detecta}. The repository root is the system property {@code detecta.repo} (set by the
 * launcher), else the working directory.
 */
public record DetectaPaths(Path data, Path home) {
  public static DetectaPaths resolve(Optional<Path> dataOption, Optional<Path> homeOption,
                                     Map<String, String> env, Map<String, String> properties) {
    Path userHome = Path.of(properties.getOrDefault("user.home", "."));
    Path home = homeOption.or(() -> nonBlank(env.get("DETECTA_HOME")).map(Path::of))
        .orElse(userHome.resolve(".detecta"));
    Path repo = Path.of(properties.getOrDefault("detecta.repo", properties.getOrDefault("user.dir", ".")))
        .toAbsolutePath().normalize();
    Path besideRepo = (repo.getParent() == null ? repo : repo.getParent()).resolve("shared").resolve("data");
    Path data = dataOption.or(() -> nonBlank(env.get("DETECTA_DATA")).map(Path::of))
        .or(() -> Optional.of(besideRepo).filter(Files::isDirectory))
        .orElse(home.resolve("data"));
    return new DetectaPaths(data.toAbsolutePath().normalize(), home.toAbsolutePath().normalize());
  }

  public static DetectaPaths resolve(Optional<Path> dataOption, Optional<Path> homeOption) {
    Map<String, String> properties = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    return resolve(dataOption, homeOption, Environment.current(), properties);
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
