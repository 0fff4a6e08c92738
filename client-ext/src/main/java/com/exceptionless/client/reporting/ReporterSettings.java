package com.exceptionless.client.reporting;

import com.exceptionless.client.ExceptionlessClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;

/**
 * The reporter's settings, fixed when it was built: a copy of what {@link ReporterBuilder} validated, with the
 * client it resolves; collections are copied once, read-only. Immutable.
 */
final class ReporterSettings {
  /** The longest wait a server's Retry-After (on 429 or 503) is honoured for. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  final ExceptionlessClient client;
  final int batchSize;
  final Duration flushInterval;
  final int queueCapacity;
  final Path outboxFolder;
  final long outboxMaxBytes;
  final boolean outboxSync;
  final Duration resendDelay;
  final boolean shutdownHook;
  final Duration shutdownTimeout;
  final boolean captureUncaughtExceptions;
  final Duration duplicateWindow;
  final boolean includeModules;
  final boolean includePersonalData;
  final Set<String> defaultTags;
  final Map<String, Object> defaultData;
  final String userIdentity;
  final String userName;
  final int breadcrumbs;
  final Map<String, PluginChain.Registration> plugins;
  final Map<String, Integer> pluginPriorities;
  final Set<String> removedPlugins;
  final String version;
  final Set<String> dataExclusions;
  final Clock clock;
  final DoubleSupplier random;
  final Duration retryBaseDelay;
  final Duration retryMaxDelay;
  final Duration heartbeatInterval;

  /**
   * Copies the builder's settings, with the client it resolves.
   *
   * @throws IllegalStateException when the builder's settings do not name a usable client
   */
  ReporterSettings(ReporterBuilder builder) {
    this.client = builder.resolveClient();
    this.batchSize = builder.batchSize;
    this.flushInterval = builder.flushInterval;
    this.queueCapacity = builder.queueCapacity;
    this.outboxFolder = builder.outboxFolder;
    this.outboxMaxBytes = builder.outboxMaxBytes;
    this.outboxSync = builder.outboxSync;
    this.resendDelay = builder.resendDelay;
    this.shutdownHook = builder.shutdownHook;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.captureUncaughtExceptions = builder.captureUncaughtExceptions;
    this.duplicateWindow = builder.duplicateWindow;
    this.includeModules = builder.includeModules;
    this.includePersonalData = builder.includePersonalData;
    this.defaultTags = builder.defaultTags;
    this.defaultData = Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaultData));
    this.userIdentity = builder.userIdentity;
    this.userName = builder.userName;
    this.breadcrumbs = builder.breadcrumbs;
    this.plugins = Collections.unmodifiableMap(new LinkedHashMap<>(builder.plugins));
    this.pluginPriorities = Collections.unmodifiableMap(new LinkedHashMap<>(builder.pluginPriorities));
    this.removedPlugins = Collections.unmodifiableSet(new LinkedHashSet<>(builder.removedPlugins));
    this.version = builder.version;
    this.dataExclusions = builder.dataExclusions;
    this.clock = builder.clock;
    this.random = builder.random;
    this.retryBaseDelay = builder.retryBaseDelay;
    this.retryMaxDelay = builder.retryMaxDelay;
    this.heartbeatInterval = builder.heartbeatInterval;
  }

  /**
   * Opens where events wait: the outbox folder, or memory when none was set or the folder cannot be created
   * (with a warning: the application runs on, its events are not kept across a crash).
   *
   * @throws IllegalStateException when another running reporter uses the folder
   */
  EventStore store(ReporterCounters counters) {
    if (outboxFolder != null) {
      try {
        return new OutboxEventStore(outboxFolder, outboxMaxBytes, outboxSync, batchSize, EventSender.MAX_BATCH_BYTES,
            queueCapacity, counters);
      } catch (IOException e) {
        ReportingLog.LOGGER.log(Level.WARNING, "Exceptionless: cannot use the outbox folder " + outboxFolder
            + "; events wait in memory and are lost if the process ends", e);
      }
    }
    return new MemoryEventStore(queueCapacity, counters);
  }
}
