package com.exceptionless.log4j2;

import com.exceptionless.client.reporting.EventBuilder;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.client.reporting.LogLevel;
import com.exceptionless.client.reporting.ReporterBuilder;
import com.exceptionless.client.reporting.ReportingLoopGuard;
import java.io.Serializable;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * A Log4j2 appender, the {@code Exceptionless} element of {@code log4j2.xml}, that reports log events through an
 * {@link ExceptionlessReporter}.
 *
 * <ul>
 *   <li>An event at or above {@code eventLevel} (default {@code WARN}) with a throwable becomes an error event
 *       ({@code @error}, the logger name as source, the formatted message as message); one without becomes a log
 *       event ({@code @level}, the logger name as source, the formatted message).</li>
 *   <li>An event below {@code eventLevel} and at or above {@code breadcrumbLevel} (default {@code INFO}) becomes a
 *       breadcrumb line {@code "INFO com.acme.Checkout: message"}, which later error events carry as
 *       {@code @trace}.</li>
 *   <li>ThreadContext (MDC) entries become event data (all of them, or those named in {@code mdcKeys}), with the
 *       reporter's data exclusions applied; the marker's name and those of its parents become tags.</li>
 * </ul>
 *
 * <pre>{@code
 * <Appenders>
 *   <!-- serverUrl and apiKey are optional: EXCEPTIONLESS_SERVER_URL and EXCEPTIONLESS_API_KEY are read otherwise -->
 *   <Exceptionless name="Exceptionless" eventLevel="WARN" breadcrumbLevel="INFO"/>
 * </Appenders>
 * }</pre>
 *
 * <p>The builder builds the appender's reporter, unless one is given from code with
 * {@link Builder#setReporter}; a configuration that cannot build one (no API key anywhere, an
 * invalid URL or level) is reported on Log4j's status logger and yields no appender, never throwing into the
 * application. Stopping the appender (Log4j's shutdown or a reconfiguration) flushes and closes the reporter,
 * waiting at most Log4j's stop timeout, else {@code flushTimeoutMillis} (default 5000); a reporter given from code
 * is flushed, not closed.
 *
 * <p>Appending never blocks on the network: events are queued to the reporter's own threads. Events that
 * reporting itself may cause are never reported ({@link ReportingLoopGuard}): those of the SDK, OkHttp, Okio,
 * Retrofit and Moshi loggers, those logged on the reporter's threads, and those logged while the same thread is
 * reporting, so the appender can sit on the root logger at any level.
 */
@Plugin(name = "Exceptionless", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class ExceptionlessAppender extends AbstractAppender {
  private final ExceptionlessReporter reporter;
  private final boolean ownsReporter;
  private final Level eventLevel;
  private final Level breadcrumbLevel;
  private final Set<String> mdcKeys;
  private final long flushTimeoutMillis;

  private ExceptionlessAppender(String name, Filter filter, Layout<? extends Serializable> layout, boolean ignoreExceptions,
      Property[] properties, ExceptionlessReporter reporter, boolean ownsReporter, Level eventLevel, Level breadcrumbLevel,
      Set<String> mdcKeys, long flushTimeoutMillis) {
    super(name, filter, layout, ignoreExceptions, properties);
    this.reporter = reporter;
    this.ownsReporter = ownsReporter;
    this.eventLevel = eventLevel;
    this.breadcrumbLevel = breadcrumbLevel;
    this.mdcKeys = mdcKeys;
    this.flushTimeoutMillis = flushTimeoutMillis;
  }

  /**
   * Returns the builder Log4j uses for the {@code Exceptionless} element; also usable from code.
   *
   * @param <B> the builder type
   * @return a new builder
   */
  @PluginBuilderFactory
  public static <B extends Builder<B>> B newBuilder() {
    return new Builder<B>().asBuilder();
  }

  /**
   * Returns the reporter this appender submits through.
   *
   * @return the reporter
   */
  public ExceptionlessReporter getReporter() {
    return reporter;
  }

  @Override
  public void append(LogEvent record) {
    Level level = record.getLevel();
    boolean isEvent = level.isMoreSpecificThan(eventLevel);
    if (!isEvent && !level.isMoreSpecificThan(breadcrumbLevel)) {
      return;
    }
    String source = record.getLoggerName() == null ? "" : record.getLoggerName();
    if (ReportingLoopGuard.ignores(source) || !ReportingLoopGuard.enter()) {
      return;
    }
    try {
      String message = record.getMessage() == null ? null : record.getMessage().getFormattedMessage();
      if (isEvent) {
        submitEvent(record, level, source, message);
      } else {
        reporter.addBreadcrumb(level.name() + ' ' + source + ": " + message);
      }
    } catch (RuntimeException | LinkageError e) {
      error("Exceptionless appender [" + getName() + "] could not report an event of " + source, record, e);
    } finally {
      ReportingLoopGuard.exit();
    }
  }

  private void submitEvent(LogEvent record, Level level, String source, String message) {
    Throwable error = record.getThrown();
    EventBuilder event;
    if (error == null) {
      event = reporter.createLog(source, message, logLevel(level));
    } else {
      event = reporter.createException(error).source(source);
      if (message != null && !message.isEmpty()) {
        event.message(message);
      }
    }
    ReadOnlyStringMap context = record.getContextData();
    if (context != null && !context.isEmpty()) {
      context.forEach((key, value) -> {
        if (key != null && !key.trim().isEmpty() && !key.startsWith("@") && (mdcKeys == null || mdcKeys.contains(key))) {
          event.data(key, value);
        }
      });
    }
    Marker marker = record.getMarker();
    if (marker != null) {
      Set<String> names = new LinkedHashSet<>();
      markerNames(marker, names, 0);
      event.tags(names.toArray(new String[0]));
    }
    event.submit();
  }

  private static void markerNames(Marker marker, Set<String> names, int depth) {
    if (marker == null || depth > 8 || !names.add(marker.getName())) {
      return;
    }
    Marker[] parents = marker.getParents();
    if (parents != null) {
      for (Marker parent : parents) {
        markerNames(parent, names, depth + 1);
      }
    }
  }

  static LogLevel logLevel(Level level) {
    if (level.isMoreSpecificThan(Level.FATAL)) {
      return LogLevel.FATAL;
    } else if (level.isMoreSpecificThan(Level.ERROR)) {
      return LogLevel.ERROR;
    } else if (level.isMoreSpecificThan(Level.WARN)) {
      return LogLevel.WARN;
    } else if (level.isMoreSpecificThan(Level.INFO)) {
      return LogLevel.INFO;
    } else if (level.isMoreSpecificThan(Level.DEBUG)) {
      return LogLevel.DEBUG;
    }
    return LogLevel.TRACE;
  }

  @Override
  public boolean stop(long timeout, TimeUnit timeUnit) {
    setStopping();
    boolean stopped = super.stop(timeout, timeUnit, false);
    long millis = timeout > 0 ? timeUnit.toMillis(timeout) : flushTimeoutMillis;
    try {
      if (ownsReporter) {
        reporter.close(Duration.ofMillis(millis));
      } else {
        reporter.flush(Duration.ofMillis(millis));
      }
    } catch (RuntimeException e) {
      LOGGER.error("Exceptionless appender [{}]: closing the reporter failed", getName(), e);
    }
    setStopped();
    return stopped;
  }

  /**
   * Builds the appender from the {@code Exceptionless} element's attributes.
   *
   * @param <B> the builder type
   */
  public static class Builder<B extends Builder<B>> extends AbstractAppender.Builder<B>
      implements org.apache.logging.log4j.core.util.Builder<ExceptionlessAppender> {
    @PluginBuilderAttribute
    private String serverUrl;

    @PluginBuilderAttribute(sensitive = true)
    private String apiKey;

    @PluginBuilderAttribute
    private String eventLevel = "WARN";

    @PluginBuilderAttribute
    private String breadcrumbLevel = "INFO";

    @PluginBuilderAttribute
    private String mdcKeys;

    @PluginBuilderAttribute
    private String outboxFolder;

    @PluginBuilderAttribute
    private String dataExclusions;

    @PluginBuilderAttribute
    private long flushTimeoutMillis = 5000;

    private ExceptionlessReporter reporter;

    /**
     * Makes the appender submit through this reporter instead of building its own from the attributes (from code
     * only); stopping the appender then flushes the reporter but leaves it open, since its owner closes it.
     *
     * @param reporter a reporter, or null to build one from the attributes
     * @return this builder
     */
    public B setReporter(ExceptionlessReporter reporter) {
      this.reporter = reporter;
      return asBuilder();
    }

    /**
     * Sets the server's base URL (default: {@code EXCEPTIONLESS_SERVER_URL}, else the hosted service).
     *
     * @param serverUrl the URL
     * @return this builder
     */
    public B setServerUrl(String serverUrl) {
      this.serverUrl = serverUrl;
      return asBuilder();
    }

    /**
     * Sets the project's client API key (default: {@code EXCEPTIONLESS_API_KEY}).
     *
     * @param apiKey the key
     * @return this builder
     */
    public B setApiKey(String apiKey) {
      this.apiKey = apiKey;
      return asBuilder();
    }

    /**
     * Sets the least severe level reported as an event (default {@code WARN}).
     *
     * @param level a Log4j level name
     * @return this builder
     */
    public B setEventLevel(String level) {
      this.eventLevel = level;
      return asBuilder();
    }

    /**
     * Sets the least severe level kept as a breadcrumb (default {@code INFO}); {@code OFF} keeps none.
     *
     * @param level a Log4j level name
     * @return this builder
     */
    public B setBreadcrumbLevel(String level) {
      this.breadcrumbLevel = level;
      return asBuilder();
    }

    /**
     * Names the ThreadContext keys copied into event data, separated by commas (default: all; empty: none).
     *
     * @param keys for example {@code requestId,tenant}
     * @return this builder
     */
    public B setMdcKeys(String keys) {
      this.mdcKeys = keys == null ? "" : keys;
      return asBuilder();
    }

    /**
     * Keeps queued events in this folder so they survive a crash or restart (default: memory only).
     *
     * @param folder a folder the process may write
     * @return this builder
     */
    public B setOutboxFolder(String folder) {
      this.outboxFolder = folder;
      return asBuilder();
    }

    /**
     * Sets data exclusions, separated by commas ({@code *} as wildcard, case-insensitive), applied to
     * ThreadContext entries too.
     *
     * @param patterns for example {@code *password*,creditCard}
     * @return this builder
     */
    public B setDataExclusions(String patterns) {
      this.dataExclusions = patterns;
      return asBuilder();
    }

    /**
     * Sets how long stopping waits for queued events when Log4j gives no timeout (default 5000 ms).
     *
     * @param millis zero or more
     * @return this builder
     */
    public B setFlushTimeoutMillis(long millis) {
      this.flushTimeoutMillis = Math.max(0, millis);
      return asBuilder();
    }

    @Override
    public ExceptionlessAppender build() {
      String name = getName();
      Level event = Level.toLevel(eventLevel, null);
      Level breadcrumb = Level.toLevel(breadcrumbLevel, null);
      if (event == null || breadcrumb == null) {
        LOGGER.error("Exceptionless appender [{}]: unknown {} \"{}\"", name, event == null ? "eventLevel" : "breadcrumbLevel",
            event == null ? eventLevel : breadcrumbLevel);
        return null;
      }
      if (this.reporter != null) {
        return new ExceptionlessAppender(name, getFilter(), getLayout(), isIgnoreExceptions(), getPropertyArray(),
            this.reporter, false, event, breadcrumb, mdcKeys == null ? null : split(mdcKeys), flushTimeoutMillis);
      }
      ExceptionlessReporter reporter;
      try {
        ReporterBuilder builder = ExceptionlessReporter.builder().fromEnv();
        if (notBlank(serverUrl)) {
          builder.serverUrl(serverUrl.trim());
        }
        if (notBlank(apiKey)) {
          builder.apiKey(apiKey.trim());
        }
        if (notBlank(outboxFolder)) {
          builder.outboxFolder(Paths.get(outboxFolder.trim()));
        }
        if (notBlank(dataExclusions)) {
          builder.dataExclusions(split(dataExclusions).toArray(new String[0]));
        }
        reporter = builder.build();
      } catch (RuntimeException e) {
        LOGGER.error("Exceptionless appender [{}] cannot start: {}", name, e.getMessage(), e);
        return null;
      }
      return new ExceptionlessAppender(name, getFilter(), getLayout(), isIgnoreExceptions(), getPropertyArray(), reporter,
          true, event, breadcrumb, mdcKeys == null ? null : split(mdcKeys), flushTimeoutMillis);
    }

    private static boolean notBlank(String value) {
      return value != null && !value.trim().isEmpty();
    }

    private static Set<String> split(String value) {
      Set<String> parts = new LinkedHashSet<>();
      for (String part : value.split(",")) {
        if (!part.trim().isEmpty()) {
          parts.add(part.trim());
        }
      }
      return parts.isEmpty() ? Collections.<String>emptySet() : parts;
    }
  }
}
