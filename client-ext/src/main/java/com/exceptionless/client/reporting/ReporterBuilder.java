package com.exceptionless.client.reporting;

import com.exceptionless.client.ExceptionlessClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Settings of an {@link ExceptionlessReporter}; each setter checks its value at once and says what to fix.
 * Not thread-safe.
 */
public final class ReporterBuilder {
  ExceptionlessClient client;
  String apiKey;
  String serverUrl;
  boolean fromEnv;
  int batchSize = 50;
  Duration flushInterval = Duration.ofSeconds(10);
  int queueCapacity = 10_000;
  Path outboxFolder;
  Duration resendDelay = Duration.ofSeconds(1);
  boolean shutdownHook = true;
  Duration shutdownTimeout = Duration.ofSeconds(5);
  boolean captureUncaughtExceptions;
  Duration duplicateWindow = Duration.ofSeconds(30);
  boolean includeModules = true;
  boolean includePersonalData = true;
  Set<String> defaultTags = Collections.emptySet();
  String version;
  Set<String> dataExclusions = Collections.emptySet();
  Clock clock = Clock.systemDefaultZone();
  DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
  Duration retryBaseDelay = Duration.ofSeconds(1);
  Duration retryMaxDelay = Duration.ofMinutes(5);
  Duration heartbeatInterval = Duration.ofMinutes(1);

  ReporterBuilder() {
  }

  /**
   * Sends through this client, which must authenticate with a client-scoped API key.
   *
   * @param client the client
   * @return this builder
   */
  public ReporterBuilder client(ExceptionlessClient client) {
    if (client == null) {
      throw new NullPointerException("client == null");
    }
    this.client = client;
    return this;
  }

  /**
   * Sends with this client-scoped API key (to the hosted server unless {@link #serverUrl} says otherwise).
   *
   * @param apiKey the key
   * @return this builder
   */
  public ReporterBuilder apiKey(String apiKey) {
    ExceptionlessClient.builder().apiKey(apiKey);
    this.apiKey = apiKey;
    return this;
  }

  /**
   * Sends to this server instead of the hosted one.
   *
   * @param serverUrl the server root
   * @return this builder
   */
  public ReporterBuilder serverUrl(String serverUrl) {
    ExceptionlessClient.builder().serverUrl(serverUrl);
    this.serverUrl = serverUrl;
    return this;
  }

  /** Reads the server URL and API key from {@code EXCEPTIONLESS_SERVER_URL} and {@code EXCEPTIONLESS_API_KEY}. */
  public ReporterBuilder fromEnv() {
    this.fromEnv = true;
    return this;
  }

  /**
   * Sets how many events go in one request (default 50).
   *
   * @param batchSize 1 to 1000
   * @return this builder
   */
  public ReporterBuilder batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException("batchSize must be 1 to 1000, but was " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * Sets how long a partly filled batch waits before it is sent (default 10 s).
   *
   * @param interval a positive duration
   * @return this builder
   */
  public ReporterBuilder flushInterval(Duration interval) {
    this.flushInterval = positive(interval, "flushInterval");
    return this;
  }

  /**
   * Sets how many events may wait in memory (default 10,000); beyond it new events are counted as
   * {@link DiscardReason#QUEUE_FULL} and dropped, so memory stays bounded.
   *
   * @param capacity at least the batch size
   * @return this builder
   */
  public ReporterBuilder queueCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be positive, but was " + capacity);
    }
    this.queueCapacity = capacity;
    return this;
  }

  /**
   * Keeps batches in this folder from before they are sent until the server took them, so they survive a
   * crash or restart and are resent at the next start (default: memory only).
   *
   * @param folder a folder this process may write; created if missing
   * @return this builder
   */
  public ReporterBuilder outboxFolder(Path folder) {
    if (folder == null) {
      throw new NullPointerException("outboxFolder == null");
    }
    this.outboxFolder = folder;
    return this;
  }

  /**
   * Sets the pause between batches resent from the outbox at start (default 1 s), so a backlog does not
   * trip the server's rate limit.
   *
   * @param delay zero or more
   * @return this builder
   */
  public ReporterBuilder resendDelay(Duration delay) {
    this.resendDelay = notNegative(delay, "resendDelay");
    return this;
  }

  /**
   * Whether a JVM shutdown hook flushes and closes the reporter (default true).
   *
   * @param enabled whether to register it
   * @return this builder
   */
  public ReporterBuilder shutdownHook(boolean enabled) {
    this.shutdownHook = enabled;
    return this;
  }

  /**
   * Sets how long closing (and the shutdown hook) may wait for the last events (default 5 s).
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public ReporterBuilder shutdownTimeout(Duration timeout) {
    this.shutdownTimeout = positive(timeout, "shutdownTimeout");
    return this;
  }

  /**
   * Whether to report uncaught exceptions ({@code Thread.setDefaultUncaughtExceptionHandler}, chaining the
   * previous handler; default false).
   *
   * @param enabled whether to install the handler
   * @return this builder
   */
  public ReporterBuilder captureUncaughtExceptions(boolean enabled) {
    this.captureUncaughtExceptions = enabled;
    return this;
  }

  /**
   * Sets the window in which the same error (type, message and stack) is counted as
   * {@link DiscardReason#DUPLICATE} instead of being sent again (default 30 s; zero turns it off).
   *
   * @param window zero or more
   * @return this builder
   */
  public ReporterBuilder duplicateWindow(Duration window) {
    this.duplicateWindow = notNegative(window, "duplicateWindow");
    return this;
  }

  /**
   * Whether error events list the jars on the class path with their versions (default true).
   *
   * @param enabled whether to include them
   * @return this builder
   */
  public ReporterBuilder includeModules(boolean enabled) {
    this.includeModules = enabled;
    return this;
  }

  /**
   * Whether {@code @environment} may hold personal data: machine name, user name, command line, IP address
   * (default true).
   *
   * @param enabled whether to include them
   * @return this builder
   */
  public ReporterBuilder includePersonalData(boolean enabled) {
    this.includePersonalData = enabled;
    return this;
  }

  /**
   * Adds tags to every event (replacing the default tags set before). Each is trimmed of spaces and must then be
   * 1 to 100 characters (the server drops longer ones) without control characters (NUL, tab, line breaks),
   * bidirectional overrides or isolates (such as U+202E) or invisible formatting characters; at most 50.
   *
   * @param tags the tags
   * @return this builder
   * @throws NullPointerException when the array or a tag is null
   * @throws IllegalArgumentException when a tag is blank, too long or holds such a character, saying which
   */
  public ReporterBuilder defaultTags(String... tags) {
    this.defaultTags = Tags.checkAll(tags, "defaultTags", Collections.<String>emptySet());
    return this;
  }

  /**
   * Sets the application version every event carries ({@code @version}).
   *
   * @param version the version, for example {@code 2.1.0}; not blank, without control characters
   * @return this builder
   */
  public ReporterBuilder version(String version) {
    if (version == null) {
      throw new NullPointerException("version == null: pass the application version, or do not call version(...)");
    }
    if (version.trim().isEmpty()) {
      throw new IllegalArgumentException("version is blank: pass the application version, or do not call version(...)");
    }
    Tags.checkCharacters(version, "version");
    this.version = version.trim();
    return this;
  }

  /**
   * Removes these keys from extended data and exception properties before sending, in addition to the
   * server's {@code @@DataExclusions}; {@code *} matches at either end, case is ignored.
   *
   * @param patterns for example {@code "Password"}, {@code "*Token*"}; not null or blank
   * @return this builder
   * @throws NullPointerException when the array or a pattern is null
   * @throws IllegalArgumentException when a pattern is blank
   */
  public ReporterBuilder dataExclusions(String... patterns) {
    if (patterns == null) {
      throw new NullPointerException("dataExclusions == null: pass patterns, or none");
    }
    Set<String> checked = new LinkedHashSet<>();
    for (int i = 0; i < patterns.length; i++) {
      if (patterns[i] == null) {
        throw new NullPointerException("dataExclusions[" + i + "] == null: pass key patterns such as \"*Password*\"");
      }
      if (patterns[i].trim().isEmpty()) {
        throw new IllegalArgumentException("dataExclusions[" + i + "] is blank: pass key patterns such as \"*Password*\"");
      }
      checked.add(patterns[i].trim());
    }
    this.dataExclusions = Collections.unmodifiableSet(checked);
    return this;
  }

  /**
   * Sets how often a heartbeat is sent for each session started with {@link ExceptionlessReporter#startSession}
   * (default 60 s, at least 30 s as the official clients use).
   *
   * @param interval 30 s or more
   * @return this builder
   */
  public ReporterBuilder sessionHeartbeatInterval(Duration interval) {
    if (positive(interval, "sessionHeartbeatInterval").compareTo(Duration.ofSeconds(30)) < 0) {
      throw new IllegalArgumentException("sessionHeartbeatInterval must be at least 30 s, but was " + interval);
    }
    this.heartbeatInterval = interval;
    return this;
  }

  ReporterBuilder heartbeatIntervalForTests(Duration interval) {
    this.heartbeatInterval = interval;
    return this;
  }

  ReporterBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  ReporterBuilder retryDelays(Duration base, Duration max, DoubleSupplier random) {
    this.retryBaseDelay = base;
    this.retryMaxDelay = max;
    this.random = random;
    return this;
  }

  /**
   * Starts the reporter (its worker thread is a daemon: it never keeps the JVM alive).
   *
   * @return the running reporter
   */
  public ExceptionlessReporter build() {
    if (queueCapacity < batchSize) {
      throw new IllegalStateException("queueCapacity (" + queueCapacity + ") is smaller than batchSize (" + batchSize + ")");
    }
    return new ExceptionlessReporter(new ReporterSettings(this));
  }

  private static Duration positive(Duration value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
    return value;
  }

  private static Duration notNegative(Duration value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, but was " + value);
    }
    return value;
  }
}
