package com.exceptionless.client.reporting;

import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.ExceptionlessClientBuilder;
import com.exceptionless.client.internal.Checks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Settings of an {@link ExceptionlessReporter}; each setter checks its value at once and says what to fix.
 * Not thread-safe.
 */
public final class ReporterBuilder {
  static final String ENV_API_KEY = "EXCEPTIONLESS_API_KEY";
  static final String ENV_USER_TOKEN = "EXCEPTIONLESS_USER_TOKEN";
  static final String ENV_SERVER_URL = "EXCEPTIONLESS_SERVER_URL";

  // Where events go: a client given as is, or the settings of the client this builder makes (each validated by the
  // client builder as it is set), completed from the environment at build() when fromEnv() was called.
  private @Nullable ExceptionlessClient client;
  private final ExceptionlessClientBuilder connection = ExceptionlessClient.builder();
  private boolean apiKeySet;
  private boolean serverUrlSet;
  private boolean fromEnv;
  private Function<String, String> environment = System::getenv;
  // What ReporterSettings copies when the reporter is built (package-private for it alone).
  int batchSize = 50;
  Duration flushInterval = Duration.ofSeconds(10);
  int queueCapacity = 10_000;
  Path outboxFolder;
  long outboxMaxBytes = 100L * 1024 * 1024;
  boolean outboxSync;
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
  Duration retryMaxDelay = Duration.ofSeconds(30);
  Duration heartbeatInterval = Duration.ofMinutes(1);
  Map<String, Object> defaultData = new LinkedHashMap<>();
  String userIdentity;
  String userName;
  int breadcrumbs = 25;
  Map<String, PluginChain.Registration> plugins = new LinkedHashMap<>();
  Map<String, Integer> pluginPriorities = new LinkedHashMap<>();
  Set<String> removedPlugins = new LinkedHashSet<>();

  ReporterBuilder() {
  }

  /**
   * Sends through this client, which must authenticate with a client-scoped API key.
   *
   * @param client the client
   * @return this builder
   */
  public ReporterBuilder client(ExceptionlessClient client) {
    Objects.requireNonNull(client, "client == null");
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
    connection.apiKey(apiKey);
    this.apiKeySet = true;
    return this;
  }

  /**
   * Sends to this server instead of the hosted one.
   *
   * @param serverUrl the server root
   * @return this builder
   */
  public ReporterBuilder serverUrl(String serverUrl) {
    connection.serverUrl(serverUrl);
    this.serverUrlSet = true;
    return this;
  }

  /**
   * Reads the API key from {@code EXCEPTIONLESS_API_KEY} and the server URL from {@code EXCEPTIONLESS_SERVER_URL}
   * (when set) at {@link #build()}, which fails with a message saying what to set when there is no API key (a
   * user's login token in {@code EXCEPTIONLESS_USER_TOKEN} is not used: events belong to a project). Values given
   * with {@link #apiKey} or {@link #serverUrl} win.
   */
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
   * {@link DiscardReason#QUEUE_FULL} and dropped, so memory stays bounded. With an outbox folder, a caller whose
   * event finds the queue full writes it to the folder itself (tens of microseconds) instead.
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
   * Keeps every event in this folder from at most about 100 ms after {@code submit} returned until the server
   * took it, so events survive a crash, a kill or a restart and are sent by the next reporter on the folder
   * (default: memory only). One reporter per folder. See {@link #outboxMaxBytes} and {@link #outboxSync}.
   *
   * @param folder a folder this process may write; created if missing
   * @return this builder
   */
  public ReporterBuilder outboxFolder(Path folder) {
    Objects.requireNonNull(folder, "outboxFolder == null");
    this.outboxFolder = folder;
    return this;
  }

  /**
   * Bounds the outbox folder (default 100 MiB): while it holds this many bytes, new events are counted as
   * {@link DiscardReason#OUTBOX_FULL} and dropped.
   *
   * @param maxBytes at least 1 MiB
   * @return this builder
   */
  public ReporterBuilder outboxMaxBytes(long maxBytes) {
    if (maxBytes < 1024 * 1024) {
      throw new IllegalArgumentException("outboxMaxBytes must be at least 1 MiB (1048576), but was " + maxBytes);
    }
    this.outboxMaxBytes = maxBytes;
    return this;
  }

  /**
   * Whether each outbox file is forced to the storage device before it counts as written (default false). Plain
   * writes survive a crash or kill of the process; forcing also survives a power loss or an operating system
   * crash, at the cost of a device flush per file (milliseconds on most disks).
   *
   * @param enabled whether to force writes
   * @return this builder
   */
  public ReporterBuilder outboxSync(boolean enabled) {
    this.outboxSync = enabled;
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
    Objects.requireNonNull(version, "version == null: pass the application version, or do not call version(...)");
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
    Objects.requireNonNull(patterns, "dataExclusions == null: pass patterns, or none");
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

  /**
   * Adds data to every event (copied now, as {@link EventBuilder#data} copies it; values an event or a scope
   * sets win).
   *
   * @param key the key; not blank, not starting with {@code @}
   * @param value the value
   * @return this builder
   */
  public ReporterBuilder defaultData(String key, Object value) {
    defaultData.put(DataSanitizer.dataKey(key), new DataSanitizer().copy(value));
    return this;
  }

  /**
   * Sets the user every event happened to unless it or its scope names another ({@code @user}): for an
   * application with one user, such as a desktop or command-line tool.
   *
   * @param identity a stable identifier, such as an email address or user id
   * @param name a display name, or null
   * @return this builder
   */
  public ReporterBuilder userIdentity(String identity, @Nullable String name) {
    if (identity == null || identity.trim().isEmpty()) {
      throw new IllegalArgumentException("userIdentity is blank: give the user's id or email address");
    }
    this.userIdentity = identity;
    this.userName = name;
    return this;
  }

  /**
   * Sets how many recent log lines (breadcrumbs, from the logging integrations) an error event carries as
   * {@code @trace} (default 25, as the official clients; 0 turns them off).
   *
   * @param lines 0 to 1000
   * @return this builder
   */
  public ReporterBuilder breadcrumbs(int lines) {
    if (lines < 0 || lines > 1000) {
      throw new IllegalArgumentException("breadcrumbs must be 0 to 1000 lines, but was " + lines);
    }
    this.breadcrumbs = lines;
    return this;
  }

  /**
   * Adds an event plugin at the default priority (100: after the SDK's enrichments, before the data exclusions).
   *
   * @param name a name unique among the plugins; a built-in's name replaces that built-in
   * @param plugin the plugin
   * @return this builder
   * @see EventPlugin
   */
  public ReporterBuilder plugin(String name, EventPlugin plugin) {
    return plugin(name, PluginChain.DEFAULT_PRIORITY, plugin);
  }

  /**
   * Adds an event plugin. Plugins run lowest priority first, equal priorities in the order they were added; the
   * SDK's own are {@code 10 duplicates}, {@code 20 error}, {@code 30 settings}, {@code 40 environment},
   * {@code 50 context}, {@code 60 version}, {@code 70 trace} and {@code 1000 data-exclusions}.
   *
   * @param name a name unique among the plugins; a built-in's name replaces that built-in
   * @param priority the position in the chain
   * @param plugin the plugin
   * @return this builder
   */
  public ReporterBuilder plugin(String name, int priority, EventPlugin plugin) {
    String checked = pluginName(name);
    Objects.requireNonNull(plugin, "plugin == null");
    plugins.put(checked, new PluginChain.Registration(checked, priority, plugin));
    removedPlugins.remove(checked);
    return this;
  }

  /**
   * Moves a plugin, the SDK's own included, to another priority.
   *
   * @param name the plugin's name
   * @param priority its new position in the chain
   * @return this builder
   */
  public ReporterBuilder pluginPriority(String name, int priority) {
    pluginPriorities.put(knownPlugin(name), priority);
    return this;
  }

  /**
   * Leaves a plugin out, the SDK's own included (for example {@code environment}, to send no {@code @environment}).
   *
   * @param name the plugin's name
   * @return this builder
   */
  public ReporterBuilder removePlugin(String name) {
    String known = knownPlugin(name);
    plugins.remove(known);
    removedPlugins.add(known);
    return this;
  }

  private static String pluginName(String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.trim().isEmpty()) {
      throw new IllegalArgumentException("a plugin name is blank");
    }
    return name.trim();
  }

  private String knownPlugin(String name) {
    String checked = pluginName(name);
    if (!plugins.containsKey(checked) && !EventPreparer.BUILT_IN_NAMES.contains(checked)) {
      throw new IllegalArgumentException("no plugin is named \"" + checked + "\": the SDK's are "
          + EventPreparer.BUILT_IN_NAMES + ", yours " + plugins.keySet());
    }
    return checked;
  }

  ReporterBuilder heartbeatIntervalForTests(Duration interval) {
    this.heartbeatInterval = interval;
    return this;
  }

  ReporterBuilder fromEnv(Function<String, String> environment) {
    this.environment = environment;
    this.fromEnv = true;
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

  /** Returns the client given, or builds one from the key and URL set here and, with fromEnv(), the environment. */
  ExceptionlessClient resolveClient() {
    if (client != null) {
      if (apiKeySet || serverUrlSet || fromEnv) {
        throw new IllegalStateException("Set either client(...) or apiKey/serverUrl/fromEnv, not both");
      }
      if (!client.authenticatesWithApiKey()) {
        throw new IllegalStateException("The reporter's client must authenticate with a project's client API key"
            + " (events belong to the key's project), not with a user token or nothing: build it with apiKey(...),"
            + " or mint a key with tokens().createClientToken(project, notes)");
      }
      return client;
    }
    ExceptionlessClientBuilder resolved = connection;
    if (fromEnv) {
      String envKey = blankToNull(environment.apply(ENV_API_KEY));
      if (!apiKeySet && envKey == null) {
        throw new IllegalStateException(blankToNull(environment.apply(ENV_USER_TOKEN)) != null
            ? ENV_USER_TOKEN + " is set, but the reporter does not send with a user's login token: events belong to a"
                + " project, so set " + ENV_API_KEY + " to a client API key of the project (make one with"
                + " tokens().createClientToken(project, notes) or in the project's settings)"
            : ENV_API_KEY + " is not set: the reporter needs a project's client API key (set it, or call apiKey(...))");
      }
      String envUrl = blankToNull(environment.apply(ENV_SERVER_URL));
      try {
        if (!serverUrlSet && envUrl != null) {
          resolved.serverUrl(envUrl);
        }
        if (!apiKeySet) {
          resolved.apiKey(envKey);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("Invalid environment: " + e.getMessage(), e);
      }
    } else if (!apiKeySet) {
      throw new IllegalStateException("The reporter needs a client-scoped API key: call apiKey(...), fromEnv(), or client(...)");
    }
    return resolved.build();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  private static Duration positive(Duration value, String name) {
    return Checks.positive(value, name);
  }

  private static Duration notNegative(Duration value, String name) {
    return Checks.notNegative(value, name, ": use zero or a positive duration");
  }
}
