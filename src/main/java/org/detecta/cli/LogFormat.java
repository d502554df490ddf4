package org.detecta.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;

import java.util.Iterator;

/**
 * {@code DETECTA_LOG_FORMAT}: {@code text} (default, the pattern in {@code logback.xml}) or {@code json}, one JSON
 * object per line on stderr from Logback's {@link JsonEncoder} (timestamp, level, thread, logger, message,
 * throwable) for log shippers. Anything else is a usage error.
 */
public final class LogFormat {
  public static final String VARIABLE = "DETECTA_LOG_FORMAT";

  private LogFormat() {
  }

  public static void apply(Logger root, String format) {
    if (format == null || format.isBlank() || "text".equals(format.strip())) {
      return;
    }
    if (!"json".equals(format.strip())) {
      throw new IllegalArgumentException(VARIABLE + " must be text or json, was '" + format + "'");
    }
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && !(console.getEncoder() instanceof JsonEncoder)) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(console.getContext());
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
      }
    }
  }
}
