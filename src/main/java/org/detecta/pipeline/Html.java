package org.detecta.pipeline;

import java.util.Collection;
import java.util.Map;

/** Minimal HTML helpers for the pipeline's reports: escaping and nested maps/lists as tables. */
public final class Html {
  private Html() {
  }

  public static String head(String title) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>"
        + "body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:.5em 0}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px;text-align:left;vertical-align:top}"
        + "</style></head><body><h1>" + esc(title) + "</h1>";
  }

  public static String esc(Object value) {
    return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  public static String table(Object value) {
    if (value instanceof Map<?, ?> map) {
      StringBuilder s = new StringBuilder("<table>");
      map.forEach((k, v) -> s.append("<tr><th>").append(esc(k)).append("</th><td>").append(table(v)).append("</td></tr>"));
      return s.append("</table>").toString();
    }
    if (value instanceof Collection<?> list) {
      StringBuilder s = new StringBuilder();
      list.forEach(v -> s.append("<div>").append(table(v)).append("</div>"));
      return s.toString();
    }
    if (value instanceof Double d) {
      return String.format(java.util.Locale.ROOT, "%.4f", d);
    }
    return esc(value);
  }
}
