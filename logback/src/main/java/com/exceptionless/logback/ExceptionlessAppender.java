package com.exceptionless.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.exceptionless.client.reporting.EventBuilder;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.client.reporting.LogLevel;
import com.exceptionless.client.reporting.ReporterBuilder;
import com.exceptionless.client.reporting.ReportingLoopGuard;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Marker;

/**
 * A Logback appender that reports log records through an {@link ExceptionlessReporter}.
 *
 * <ul>
 *   <li>A record at or above {@code eventLevel} (default {@code WARN}) with a throwable becomes an error event
 *       ({@code @error}, the logger name as source, the formatted message as message); one without becomes a log
 *       event ({@code @level}, the logger name as source, the formatted message).</li>
 *   <li>A record below {@code eventLevel} and at or above {@code breadcrumbLevel} (default {@code INFO}) becomes a
 *       breadcrumb line {@code "INFO com.acme.Checkout: message"}, which later error events carry as
 *       {@code @trace}.</li>
 *   <li>MDC entries become event data (all of them, or those named in {@code mdcKeys}), with the reporter's data
 *       exclusions applied; marker names (with the names of the markers they reference) become tags.</li>
 * </ul>
 *
 * <p>Configured from {@code logback.xml} with Logback's setter conventions:
 *
 * <pre>{@code
 * <appender name="EXCEPTIONLESS" class="com.exceptionless.logback.ExceptionlessAppender">
 *   <!-- both optional: EXCEPTIONLESS_API_KEY and EXCEPTIONLESS_SERVER_URL are read when they are not set -->
 *   <apiKey>${EXCEPTIONLESS_API_KEY}</apiKey>
 *   <eventLevel>WARN</eventLevel>
 *   <breadcrumbLevel>INFO</breadcrumbLevel>
 * </appender>
 * }</pre>
 *
 * <p>{@link #start()} builds the appender's own reporter, unless one was given with {@link #setReporter}; a
 * configuration that cannot build one (no API key anywhere, an invalid URL or level) is reported as a Logback
 * status error and leaves the appender stopped, never throwing into the application. {@link #stop()} flushes the
 * reporter for up to {@code flushTimeoutMillis} (default 5000) and closes it if the appender built it.
 *
 * <p>Appending never blocks on the network: events are queued to the reporter's own threads. Records that
 * reporting itself may cause are never reported ({@link ReportingLoopGuard}): those of the SDK, OkHttp, Okio,
 * Retrofit and Moshi loggers, those logged on the reporter's threads, and those logged while the same thread is
 * reporting, so the appender can sit on the root logger at any level.
 */
public class ExceptionlessAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private String serverUrl;
  private String apiKey;
  private String eventLevelName = "WARN";
  private String breadcrumbLevelName = "INFO";
  private String mdcKeys;
  private String outboxFolder;
  private String dataExclusions;
  private long flushTimeoutMillis = 5000;

  private ExceptionlessReporter reporter;
  private boolean ownsReporter;
  private Level eventLevel = Level.WARN;
  private Level breadcrumbLevel = Level.INFO;
  private Set<String> includedMdcKeys;

  /**
   * Sets the server's base URL (default: {@code EXCEPTIONLESS_SERVER_URL}, else the hosted service).
   *
   * @param serverUrl the URL, for example {@code https://api.exceptionless.io}
   */
  public void setServerUrl(String serverUrl) {
    this.serverUrl = blankToNull(serverUrl);
  }

  /**
   * Sets the project's client API key (default: {@code EXCEPTIONLESS_API_KEY}).
   *
   * @param apiKey the key
   */
  public void setApiKey(String apiKey) {
    this.apiKey = blankToNull(apiKey);
  }

  /**
   * Sets the least severe level reported as an event (default {@code WARN}).
   *
   * @param level a Logback level name
   */
  public void setEventLevel(String level) {
    this.eventLevelName = level;
  }

  /**
   * Sets the least severe level kept as a breadcrumb (default {@code INFO}); {@code OFF} keeps none.
   *
   * @param level a Logback level name
   */
  public void setBreadcrumbLevel(String level) {
    this.breadcrumbLevelName = level;
  }

  /**
   * Names the MDC keys copied into event data, separated by commas (default: all of them; an empty value: none).
   *
   * @param keys for example {@code requestId,tenant}
   */
  public void setMdcKeys(String keys) {
    this.mdcKeys = keys == null ? "" : keys;
  }

  /**
   * Keeps queued events in this folder so they survive a crash or restart (default: memory only).
   *
   * @param folder a folder the process may write
   */
  public void setOutboxFolder(String folder) {
    this.outboxFolder = blankToNull(folder);
  }

  /**
   * Sets data exclusions, separated by commas: data keys matching one of these patterns ({@code *} as wildcard,
   * case-insensitive) are removed before sending, MDC entries included.
   *
   * @param patterns for example {@code *password*,creditCard}
   */
  public void setDataExclusions(String patterns) {
    this.dataExclusions = blankToNull(patterns);
  }

  /**
   * Sets how long {@link #stop()} waits for queued events to be sent (default 5000 ms).
   *
   * @param millis zero or more
   */
  public void setFlushTimeoutMillis(long millis) {
    this.flushTimeoutMillis = Math.max(0, millis);
  }

  /**
   * Reports through this reporter instead of building one at {@link #start()}; the appender flushes it on
   * {@link #stop()} but does not close it. Call before {@link #start()}.
   *
   * @param reporter a running reporter
   */
  public void setReporter(ExceptionlessReporter reporter) {
    this.reporter = reporter;
    this.ownsReporter = false;
  }

  /**
   * Returns the reporter this appender submits through, or null before a successful {@link #start()}.
   *
   * @return the reporter
   */
  public ExceptionlessReporter getReporter() {
    return reporter;
  }

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    Level event = Level.toLevel(eventLevelName, null);
    Level breadcrumb = Level.toLevel(breadcrumbLevelName, null);
    if (event == null) {
      addError("Exceptionless appender [" + name + "]: unknown eventLevel \"" + eventLevelName + "\"");
      return;
    }
    if (breadcrumb == null) {
      addError("Exceptionless appender [" + name + "]: unknown breadcrumbLevel \"" + breadcrumbLevelName + "\"");
      return;
    }
    eventLevel = event;
    breadcrumbLevel = breadcrumb;
    includedMdcKeys = mdcKeys == null ? null : splitCommas(mdcKeys);
    if (reporter == null) {
      try {
        reporter = buildReporter();
        ownsReporter = true;
      } catch (RuntimeException e) {
        addError("Exceptionless appender [" + name + "] cannot start: " + e.getMessage(), e);
        return;
      }
    }
    super.start();
  }

  private ExceptionlessReporter buildReporter() {
    ReporterBuilder builder = ExceptionlessReporter.builder().fromEnv();
    if (serverUrl != null) {
      builder.serverUrl(serverUrl);
    }
    if (apiKey != null) {
      builder.apiKey(apiKey);
    }
    if (outboxFolder != null) {
      builder.outboxFolder(Paths.get(outboxFolder));
    }
    if (dataExclusions != null) {
      Set<String> patterns = splitCommas(dataExclusions);
      builder.dataExclusions(patterns.toArray(new String[0]));
    }
    return builder.build();
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    ExceptionlessReporter current = reporter;
    if (current == null) {
      return;
    }
    Duration timeout = Duration.ofMillis(flushTimeoutMillis);
    try {
      if (ownsReporter) {
        current.close(timeout);
        reporter = null;
      } else {
        current.flush(timeout);
      }
    } catch (RuntimeException e) {
      addError("Exceptionless appender [" + name + "]: closing the reporter failed", e);
    }
  }

  @Override
  protected void append(ILoggingEvent record) {
    Level level = record.getLevel();
    if (!level.isGreaterOrEqual(breadcrumbLevel) && !level.isGreaterOrEqual(eventLevel)) {
      return;
    }
    String source = record.getLoggerName() == null ? "" : record.getLoggerName();
    if (ReportingLoopGuard.ignores(source) || !ReportingLoopGuard.enter()) {
      return;
    }
    try {
      report(record, level, source);
    } catch (RuntimeException | LinkageError e) {
      addError("Exceptionless appender [" + name + "] could not report a record of " + source, e);
    } finally {
      ReportingLoopGuard.exit();
    }
  }

  private void report(ILoggingEvent record, Level level, String source) {
    String message = record.getFormattedMessage();
    if (!level.isGreaterOrEqual(eventLevel)) {
      reporter.addBreadcrumb(level.toString() + ' ' + source + ": " + message);
      return;
    }
    Throwable error = throwable(record.getThrowableProxy());
    EventBuilder event;
    if (error != null) {
      event = reporter.createException(error).source(source);
      if (message != null && !message.isEmpty()) {
        event.message(message);
      }
    } else {
      event = reporter.createLog(source, message, logLevel(level));
    }
    addMdc(event, mdc(record));
    addMarkers(event, record.getMarkerList());
    event.submit();
  }

  /** The record's MDC, or none when Logback cannot give it (a context built by hand without an MDC adapter). */
  private Map<String, String> mdc(ILoggingEvent record) {
    try {
      return record.getMDCPropertyMap();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void addMdc(EventBuilder event, Map<String, String> mdc) {
    if (mdc == null || mdc.isEmpty()) {
      return;
    }
    for (Map.Entry<String, String> entry : mdc.entrySet()) {
      String key = entry.getKey();
      if (key == null || key.trim().isEmpty() || key.startsWith("@")) {
        continue; // keys starting with @ are the server's known data
      }
      if (includedMdcKeys == null || includedMdcKeys.contains(key)) {
        event.data(key, entry.getValue());
      }
    }
  }

  private static void addMarkers(EventBuilder event, List<Marker> markers) {
    if (markers == null || markers.isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    for (Marker marker : markers) {
      collectMarkerNames(marker, names, 0);
    }
    if (!names.isEmpty()) {
      event.tags(names.toArray(new String[0]));
    }
  }

  private static void collectMarkerNames(Marker marker, Set<String> names, int depth) {
    if (marker == null || depth > 8 || !names.add(marker.getName())) {
      return;
    }
    Iterator<Marker> references = marker.iterator();
    while (references.hasNext()) {
      collectMarkerNames(references.next(), names, depth + 1);
    }
  }

  private static Throwable throwable(IThrowableProxy proxy) {
    return proxy instanceof ThrowableProxy ? ((ThrowableProxy) proxy).getThrowable() : null;
  }

  static LogLevel logLevel(Level level) {
    switch (level.toInt()) {
      case Level.ERROR_INT:
        return LogLevel.ERROR;
      case Level.WARN_INT:
        return LogLevel.WARN;
      case Level.INFO_INT:
        return LogLevel.INFO;
      case Level.DEBUG_INT:
        return LogLevel.DEBUG;
      default:
        return LogLevel.TRACE;
    }
  }

  private static Set<String> splitCommas(String value) {
    Set<String> parts = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String trimmed = part.trim();
      if (!trimmed.isEmpty()) {
        parts.add(trimmed);
      }
    }
    return parts.isEmpty() ? Collections.<String>emptySet() : parts;
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
