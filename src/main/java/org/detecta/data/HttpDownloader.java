package org.detecta.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one URL into {@code <target>.part} with the JDK HTTP client, following redirects. A {@code .part} left by
 * an interrupted run is resumed with an HTTP {@code Range} request; a server that ignores the range (200 instead of
 * 206) makes it start again from scratch. The caller verifies the finished {@code .part} and moves it into place, so
 * the target itself is never half-written. Progress goes to the given stream (stderr).
 */
public final class HttpDownloader {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes \\*/(\\d+)");

  private final HttpClient client;
  private final PrintStream progress;
  private final Duration headerTimeout;
  private final Duration readTimeout;

  public HttpDownloader(PrintStream progress) {
    this(progress, Duration.ofMinutes(2));
  }

  /** With {@code readTimeout}: how long the headers, or the next bytes of the body, may take to arrive. */
  public HttpDownloader(PrintStream progress, Duration readTimeout) {
    this(progress, readTimeout, readTimeout);
  }

  /**
   * With {@code headerTimeout}: how long the connection and the response headers may take; {@code readTimeout}: how
   * long the next bytes of the body may take.
   */
  public HttpDownloader(PrintStream progress, Duration headerTimeout, Duration readTimeout) {
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(20)).build();
    this.progress = progress;
    this.headerTimeout = headerTimeout;
    this.readTimeout = readTimeout;
  }

  /** What a finished download produced: the complete {@code .part} file, its size and where it started from. */
  public record Result(Path part, long size, long resumedFrom) {
  }

  public static Path partFile(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  /** Downloads {@code url} into {@code partFile(target)}, resuming it when it exists; returns the complete part. */
  public Result download(URI url, Path target, String label) throws DownloadException {
    Path part = partFile(target);
    try {
      Files.createDirectories(part.getParent());
    } catch (IOException e) {
      throw new DownloadException(url, "cannot create " + part.getParent() + " for " + url + ": " + e, e);
    }
    long existing = sizeOf(part);
    HttpResponse<InputStream> response = send(url, existing);
    int status = response.statusCode();
    long offset;
    OptionalLong total;
    if (existing > 0 && status == 206) {
      Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
      if (!range.matches() || Long.parseLong(range.group(1)) != existing) {
        close(response);
        return restart(url, target, label, part, "the server answered a different range");
      }
      offset = existing;
      total = range.group(3).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(range.group(3)));
      progress.printf("%s: resuming at %s%n", label, human(existing));
    } else if (existing > 0 && status == 416) {
      close(response);
      Matcher unsatisfied = UNSATISFIED_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
      if (unsatisfied.matches() && Long.parseLong(unsatisfied.group(1)) == existing) {
        progress.printf("%s: already complete (%s)%n", label, human(existing));
        return new Result(part, existing, existing);
      }
      return restart(url, target, label, part, "the partial file is larger than the remote one");
    } else if (status == 200) {
      if (existing > 0) {
        progress.printf("%s: the server ignored the range request; starting again%n", label);
      }
      offset = 0;
      total = response.headers().firstValueAsLong("Content-Length");
    } else {
      close(response);
      throw new DownloadException(url, "HTTP " + status + " from " + url + statusHint(status), null);
    }
    long received = copy(response, url, part, offset, total, label);
    if (total.isPresent() && offset + received != total.getAsLong()) {
      throw new DownloadException(url, "download of " + url + " ended at " + human(offset + received) + " of "
          + human(total.getAsLong()) + "; run the command again to resume", null);
    }
    return new Result(part, offset + received, offset);
  }

  private Result restart(URI url, Path target, String label, Path part, String why) throws DownloadException {
    progress.printf("%s: %s; starting again%n", label, why);
    try {
      Files.deleteIfExists(part);
    } catch (IOException e) {
      throw new DownloadException(url, "cannot delete " + part + ": " + e, e);
    }
    return download(url, target, label);
  }

  private HttpResponse<InputStream> send(URI url, long existing) throws DownloadException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(headerTimeout).GET()
        .header("User-Agent", "detecta-data-fetch");
    if (existing > 0) {
      request.header("Range", "bytes=" + existing + "-");
    }
    try {
      return client.send(request.build(), DeadlineBodyStream.handler(readTimeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadException(url, "download of " + url + " was interrupted", e);
    } catch (IOException e) {
      throw new DownloadException(url, "cannot reach " + url + ": " + networkReason(e), e);
    }
  }

  private long copy(HttpResponse<InputStream> response, URI url, Path part, long offset, OptionalLong total,
                    String label) throws DownloadException {
    StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
    long received = 0;
    Progress meter = new Progress(label, offset, total);
    // The request timeout covers only the headers; the body stream itself gives up when no bytes arrive for the
    // read timeout (see DeadlineBodyStream), in this thread, so no other thread ever touches this one.
    try (InputStream in = response.body();
         OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        received += n;
        meter.update(offset + received);
      }
    } catch (IOException e) {
      String reason = e instanceof DeadlineBodyStream.StalledBodyException ? e.getMessage() : networkReason(e);
      throw new DownloadException(url, "download of " + url + " broke off after " + human(offset + received)
          + " (" + reason + "); the partial file " + part.getFileName()
          + " was kept: run the command again to resume", e);
    }
    meter.done(offset + received);
    return received;
  }

  /** Prints at most every 2 s or every 10%, whichever comes first, so logs stay short. */
  private final class Progress {
    private final String label;
    private final OptionalLong total;
    private long lastPrint = System.nanoTime();
    private long lastPercent;

    Progress(String label, long start, OptionalLong total) {
      this.label = label;
      this.total = total;
      this.lastPercent = total.isPresent() && total.getAsLong() > 0 ? start * 100 / total.getAsLong() : 0;
    }

    void update(long bytes) {
      long now = System.nanoTime();
      long percent = total.isPresent() && total.getAsLong() > 0 ? bytes * 100 / total.getAsLong() : -1;
      if (now - lastPrint > 2_000_000_000L || percent >= lastPercent + 10) {
        print(bytes, percent);
        lastPrint = now;
        lastPercent = Math.max(percent, lastPercent);
      }
    }

    void done(long bytes) {
      print(bytes, total.isPresent() ? 100 : -1);
    }

    private void print(long bytes, long percent) {
      progress.printf(Locale.ROOT, "%s: %s%s%s%n", label, human(bytes),
          total.isPresent() ? " / " + human(total.getAsLong()) : "", percent >= 0 ? " (" + percent + "%)" : "");
    }
  }

  private static String statusHint(int status) {
    return switch (status) {
      case 404 -> " (not found: check the URL or --base-url)";
      case 401, 403 -> " (access denied)";
      case 429 -> " (rate limited: try again later)";
      default -> status >= 500 ? " (server error: try again later)" : "";
    };
  }

  private static String networkReason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "host not found (no network or DNS?)";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "connection timed out (network unreachable?)";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer in time";
      }
      if (t instanceof ConnectException) {
        return "connection refused or network unreachable";
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // Nothing to recover: the response is being discarded.
    }
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** sha256 of a file, hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
