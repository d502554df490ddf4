package org.detecta.combined;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.detecta.pipeline.Html;

/** Writes {@code training.json} and a readable {@code training.html}, each atomically (temp file + rename). */
final class CombinedReport {
  private CombinedReport() {
  }

  static void write(Path dir, Map<String, Object> report) throws IOException {
    Files.createDirectories(dir);
    byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report);
    atomic(dir.resolve("training.json"), json);
    String html = Html.head("detecta: one differential over rare and common diseases")
        + "<p>Per source: the combination next to the engine alone, on validation (where the world gate was fitted)"
        + " and on the test splits (read once). Rare = publication-held-out phenopackets.</p>"
        + Html.table(report) + "</body></html>";
    atomic(dir.resolve("training.html"), html.getBytes(StandardCharsets.UTF_8));
  }

  private static void atomic(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
