package org.detecta.monitor;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Renders assessments as one self-contained HTML page with inline SVG bar charts (reference vs current). */
public final class MonitorReport {
  private MonitorReport() {
  }

  public static String html(List<MonitorService.Assessment> assessments, DriftThresholds thresholds) {
    StringBuilder out = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Detecta monitoring report</title><style>body{font-family:sans-serif;margin:2em;max-width:60em}"
        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
        + ".alarm{color:#b00020;font-weight:bold}.ok{color:#1b5e20}</style></head><body>");
    out.append("<h1>Detecta monitoring report</h1><p>Thresholds: PSI &gt; ").append(fmt(thresholds.psi()))
        .append(" or chi-square p &lt; ").append(fmt(thresholds.alpha())).append(" over at least ")
        .append(thresholds.minWindow()).append(" predictions raises the alarm.</p>");
    for (MonitorService.Assessment a : assessments) {
      out.append("<h2>").append(escape(a.version().ref())).append("</h2>");
      LiveAccuracy acc = a.accuracy();
      out.append("<p>Live accuracy from ").append(acc.confirmed()).append(" confirmed diagnoses: top-1 ")
          .append(fmt(acc.top1())).append(", top-3 ").append(fmt(acc.top3())).append("</p>");
      if (a.drift().isEmpty()) {
        out.append("<p>No drift reference yet: the model metadata has none and fewer than one full window of"
            + " predictions is logged.</p>");
        continue;
      }
      DriftMonitor.DriftReport d = a.drift().get();
      out.append("<p class=\"").append(d.alarm() ? "alarm\">DRIFT ALARM" : "ok\">No drift alarm")
          .append(d.enough() ? "" : " (window too small to judge)").append("</p>");
      out.append("<table><tr><th></th><th>PSI</th><th>chi-square</th><th>df</th><th>p-value</th></tr>")
          .append(row("findings", d.findingPsi(), d.findingChi())).append(row("predicted classes", d.classPsi(), d.classChi()))
          .append("</table><p>Window: ").append(d.window()).append(" predictions; reference: ")
          .append(escape(d.referenceSource())).append("</p>");
      out.append("<h3>Findings (share of mentions, top 15)</h3>").append(bars(a.reference().get().findings(), d.currentFindings()));
      out.append("<h3>Predicted classes (top 15)</h3>").append(bars(a.reference().get().classes(), d.currentClasses()));
    }
    return out.append("</body></html>\n").toString();
  }

  private static String row(String what, double psi, Distributions.ChiSquare chi) {
    return "<tr><th>" + what + "</th><td>" + fmt(psi) + "</td><td>" + fmt(chi.statistic()) + "</td><td>"
        + chi.degreesOfFreedom() + "</td><td>" + String.format(Locale.ROOT, "%.2e", chi.pValue()) + "</td></tr>";
  }

  /** Paired horizontal bars: grey = reference, blue = current window. */
  static String bars(Map<String, Double> reference, Map<String, Double> current) {
    TreeSet<String> keys = new TreeSet<>(reference.keySet());
    keys.addAll(current.keySet());
    List<String> top = keys.stream().sorted(Comparator.comparingDouble((String k) ->
        -Math.max(reference.getOrDefault(k, 0.0), current.getOrDefault(k, 0.0))).thenComparing(k -> k)).limit(15).toList();
    double max = top.stream().mapToDouble(k -> Math.max(reference.getOrDefault(k, 0.0), current.getOrDefault(k, 0.0)))
        .max().orElse(1.0);
    int rowHeight = 22;
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"")
        .append(top.size() * rowHeight + 20).append("\" role=\"img\" aria-label=\"reference versus current\">");
    for (int i = 0; i < top.size(); i++) {
      String k = top.get(i);
      int y = i * rowHeight + 4;
      double r = reference.getOrDefault(k, 0.0) / max * 380;
      double c = current.getOrDefault(k, 0.0) / max * 380;
      svg.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"11\">").append(escape(abbreviate(k))).append("</text>")
          .append(String.format(Locale.ROOT, "<rect x=\"220\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"#9e9e9e\"/>", y + 2, r))
          .append(String.format(Locale.ROOT, "<rect x=\"220\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"#1565c0\"/>", y + 11, c))
          .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%.3f → %.3f</text>",
              225 + Math.max(r, c), y + 14, reference.getOrDefault(k, 0.0), current.getOrDefault(k, 0.0)));
    }
    return svg.append("</svg>").toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 34 ? s : s.substring(0, 31) + "...";
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
