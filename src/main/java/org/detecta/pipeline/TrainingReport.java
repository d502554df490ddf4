package org.detecta.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.detecta.learn.Evaluation;

/** Writes {@code training.json} and {@code training.html} (inline SVG: model comparison, confusion matrix, reliability). */
final class TrainingReport {
  private TrainingReport() {
  }

  static void write(Path dir, String model, Map<String, Object> parameters, DataValidation.Report validation,
                    List<Map<String, Object>> rounds, Map<String, Map<String, Double>> metrics, Evaluation test,
                    List<CommonTrainer.Fitted> candidates, List<String> gate) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", model);
    json.put("parameters", parameters);
    json.put("gate", gate.isEmpty() ? "passed" : gate);
    json.put("metrics", metrics);
    json.put("rounds", rounds);
    json.put("validationSummary", validation.summary());
    if (test != null) {
      json.put("testPerClass", test.perClass());
      json.put("testConfusion", test.confusion());
      json.put("testReliability", test.reliability());
    }
    Files.write(dir.resolve("training.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(json));
    StringBuilder html = new StringBuilder(Html.head("Training report: " + model));
    html.append("<p>Release gate: <b>").append(Html.esc(gate.isEmpty() ? "passed" : "NOT met " + gate)).append("</b></p>");
    html.append("<p>Data: ").append(Html.esc(validation.summary())).append(" (<a href=\"validation.html\">validation report</a>)</p>");
    html.append("<h2>Parameters</h2>").append(Html.table(parameters));
    html.append("<h2>Metrics of the chosen model</h2>").append(Html.table(metrics));
    html.append("<h2>Model comparison (validation top-1)</h2>").append(comparison(candidates));
    if (test != null) {
      html.append("<h2>Reliability diagram (test)</h2>").append(reliability(test.reliability()));
      html.append("<h2>Confusion matrix (test; rows = truth)</h2>").append(confusion(test));
      html.append("<h2>Per-class report (test)</h2><table><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>");
      for (Evaluation.PerClass c : test.perClass()) {
        html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>",
            Html.esc(c.name()), c.precision(), c.recall(), c.f1(), c.support()));
      }
      html.append("</table>");
    }
    html.append("<h2>Rounds</h2>").append(Html.table(rounds));
    Files.writeString(dir.resolve("training.html"), html.append("</body></html>").toString());
  }

  private static String comparison(List<CommonTrainer.Fitted> candidates) {
    int rowH = 16;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"%d\">", candidates.size() * rowH + 10));
    for (int i = 0; i < candidates.size(); i++) {
      CommonTrainer.Fitted f = candidates.get(i);
      double top1 = f.validation().get("top1");
      svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"11\">%s</text>", i * rowH + 12,
          Html.esc(abbreviate(f.spec().toString()))));
      svg.append(String.format(Locale.ROOT, "<rect x=\"420\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>",
          i * rowH + 2, top1 * 400, f.releasable() ? "#4a7ebb" : "#aaa"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%.3f</text>", 425 + top1 * 400,
          i * rowH + 12, top1));
    }
    return svg.append("</svg><p>grey: not releasable (no safe storage format)</p>").toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 68 ? s.substring(0, 65) + "..." : s;
  }

  private static String reliability(List<Evaluation.Bin> bins) {
    int size = 300;
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"320\">"
        + "<rect x=\"10\" y=\"10\" width=\"300\" height=\"300\" fill=\"none\" stroke=\"#999\"/>"
        + "<line x1=\"10\" y1=\"310\" x2=\"310\" y2=\"10\" stroke=\"#ccc\"/>");
    for (Evaluation.Bin b : bins) {
      double x = 10 + b.lower() * size;
      double w = (b.upper() - b.lower()) * size;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7ebb\" opacity=\"0.7\">"
          + "<title>confidence %.3f, accuracy %.3f, n=%d</title></rect>", x, 310 - b.accuracy() * size, w, b.accuracy() * size,
          b.confidence(), b.accuracy(), b.count()));
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c33\"/>",
          10 + b.confidence() * size, 310 - b.accuracy() * size));
    }
    return svg.append("</svg><p>bars: accuracy per confidence bin; red dots: (mean confidence, accuracy); diagonal: perfect calibration</p>").toString();
  }

  private static String confusion(Evaluation test) {
    int[][] m = test.confusion();
    int k = m.length;
    int cell = Math.max(6, Math.min(16, 640 / Math.max(1, k)));
    int max = 1;
    for (int[] row : m) {
      for (int v : row) {
        max = Math.max(max, v);
      }
    }
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", k * cell + 2, k * cell + 2));
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        if (m[i][j] == 0) {
          continue;
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" opacity=\"%.2f\">"
            + "<title>%s → %s: %d</title></rect>", j * cell, i * cell, cell, cell, i == j ? "#2a6" : "#c33",
            0.2 + 0.8 * m[i][j] / (double) max, Html.esc(test.perClass().get(i).name()), Html.esc(test.perClass().get(j).name()), m[i][j]));
      }
    }
    return svg.append("</svg>").toString();
  }
}
