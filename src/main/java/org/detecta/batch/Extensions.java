package org.detecta.batch;

import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * Finds implementations that live in the optional Spark module ({@code spark/}) through
 * {@link ServiceLoader}; when the module is not on the classpath, the failure says how to build it.
 */
public final class Extensions {
  /** How to get the Spark module onto the launcher's classpath. */
  public static final String BUILD_HINT = "build the Spark module first: `mvn -B -q -DskipTests install && "
      + "mvn -B -q -f spark/pom.xml -DskipTests package` (the ./detecta launcher then adds spark/target/lib/* and "
      + "spark/target/detecta-spark.jar to the classpath)";

  private Extensions() {
  }

  public static <T> Optional<T> find(Class<T> type, Predicate<T> which) {
    for (T candidate : ServiceLoader.load(type)) {
      if (which.test(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The implementation, or an {@link IllegalStateException} naming what is missing and how to build it. */
  public static <T> T require(Class<T> type, Predicate<T> which, String what) {
    return find(type, which).orElseThrow(() -> new IllegalStateException(what + " needs the Spark module, which is not "
        + "on the classpath: " + BUILD_HINT));
  }
}
