package org.detecta.deploy;

import java.nio.file.Path;

/**
 * The repository's {@code nginx.conf} made runnable on this machine: the listen port, the backend address, the
 * static root and the pid/temp/log paths substituted. Every substitution must hit exactly once, so a changed
 * {@code nginx.conf} fails here loudly instead of being tested half-applied.
 */
final class NginxConfig {
  private NginxConfig() {
  }

  static String render(String conf, int listenPort, String backend, Path root, Path runDir) {
    String out = conf;
    out = replaceOnce(out, "listen 8000;", "listen 127.0.0.1:" + listenPort + ";");
    out = replaceOnce(out, "server backend:5000;", "server " + backend + ";");
    out = replaceOnce(out, "root /usr/share/nginx/html;", "root " + root + ";");
    out = replaceOnce(out, "pid /tmp/nginx.pid;", "pid " + runDir.resolve("nginx.pid") + ";");
    out = replaceOnce(out, "error_log /dev/stderr warn;", "error_log " + runDir.resolve("error.log") + " warn;");
    out = replaceOnce(out, "access_log    /dev/stdout;", "access_log " + runDir.resolve("access.log") + ";");
    for (String temp : new String[] {"client-body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
      out = replaceOnce(out, "/tmp/nginx-" + temp + ";", runDir.resolve("nginx-" + temp) + ";");
    }
    return out;
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalStateException("nginx.conf must contain '" + from + "' exactly once (the topology test substitutes it)");
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }
}
