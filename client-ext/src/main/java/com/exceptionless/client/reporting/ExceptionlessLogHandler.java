package com.exceptionless.client.reporting;

import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} handler that reports log records through an {@link ExceptionlessReporter}:
 * records with a throwable become error events (the message as the event message), others log events with
 * the logger name as source. Records that reporting itself may cause are ignored, so attaching it to the root
 * logger at any level cannot loop: those of the SDK's own loggers and of its transport ({@code okhttp3},
 * {@code okio}, {@code retrofit2}, {@code com.squareup.moshi}), those published on the reporter's own threads,
 * and those logged while this thread is reporting a record ({@link ReportingLoopGuard}). Never throws (a record
 * whose parameters fail to format is reported through {@link #getErrorManager()}); thread-safe.
 *
 * <pre>{@code
 * Logger.getLogger("").addHandler(new ExceptionlessLogHandler(reporter, Level.WARNING));
 * }</pre>
 */
public final class ExceptionlessLogHandler extends Handler {
  private final ExceptionlessReporter reporter;
  private final int eventLevel;

  /**
   * Creates the handler.
   *
   * @param reporter the reporter to submit through
   * @param level the least severe level reported
   */
  public ExceptionlessLogHandler(ExceptionlessReporter reporter, Level level) {
    this(reporter, level, level);
  }

  /**
   * Creates a handler that also keeps breadcrumbs: records from {@code breadcrumbLevel} up to below
   * {@code eventLevel} become lines ({@code "WARNING com.acme.Checkout: message"}) that later error events carry as
   * {@code @trace} ({@link ExceptionlessReporter#addBreadcrumb}).
   *
   * @param reporter the reporter to submit through
   * @param eventLevel the least severe level reported as an event
   * @param breadcrumbLevel the least severe level kept as a breadcrumb
   */
  public ExceptionlessLogHandler(ExceptionlessReporter reporter, Level eventLevel, Level breadcrumbLevel) {
    Objects.requireNonNull(reporter, "reporter == null");
    Objects.requireNonNull(eventLevel, "eventLevel == null");
    Objects.requireNonNull(breadcrumbLevel, "breadcrumbLevel == null");
    this.reporter = reporter;
    this.eventLevel = eventLevel.intValue();
    setLevel(breadcrumbLevel.intValue() < eventLevel.intValue() ? breadcrumbLevel : eventLevel);
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || !isLoggable(record)) {
      return;
    }
    if (ReportingLoopGuard.ignores(record.getLoggerName()) || !ReportingLoopGuard.enter()) {
      return;
    }
    String source = record.getLoggerName() != null ? record.getLoggerName() : "";
    try {
      String message = message(record);
      if (record.getLevel().intValue() < eventLevel) {
        reporter.addBreadcrumb(record.getLevel().getName() + " " + source + ": " + message);
        return;
      }
      EventBuilder event = record.getThrown() != null
          ? reporter.createException(record.getThrown()).source(source)
          : reporter.createLog(source, message, level(record.getLevel()));
      if (record.getThrown() != null && message != null) {
        event.message(message);
      }
      event.submit();
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      reportError("Exceptionless could not report a log record", e instanceof Exception ? (Exception) e : new RuntimeException(e),
          java.util.logging.ErrorManager.WRITE_FAILURE);
    } finally {
      ReportingLoopGuard.exit();
    }
  }

  @Override
  public void flush() {
    // Delivery is the reporter's: flushing here would block the logging thread on the network.
  }

  @Override
  public void close() {
    setLevel(Level.OFF);
  }

  static LogLevel level(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return LogLevel.ERROR;
    } else if (value >= Level.WARNING.intValue()) {
      return LogLevel.WARN;
    } else if (value >= Level.INFO.intValue()) {
      return LogLevel.INFO;
    } else if (value >= Level.FINE.intValue()) {
      return LogLevel.DEBUG;
    }
    return LogLevel.TRACE;
  }

  private String message(LogRecord record) {
    java.util.logging.Formatter formatter = getFormatter() != null ? getFormatter() : new java.util.logging.SimpleFormatter();
    String message = formatter.formatMessage(record);
    return message == null || message.isEmpty() ? null : message;
  }
}
