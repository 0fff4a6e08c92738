package com.exceptionless.client.reporting;

import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.ExceptionlessClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/** The reporter's settings, fixed when it was built. Immutable. */
final class ReporterSettings {
  final ExceptionlessClient client;
  final int batchSize;
  final Duration flushInterval;
  final int queueCapacity;
  final Path outboxFolder;
  final Duration resendDelay;
  final boolean shutdownHook;
  final Duration shutdownTimeout;
  final boolean captureUncaughtExceptions;
  final Duration duplicateWindow;
  final boolean includeModules;
  final boolean includePersonalData;
  final Set<String> defaultTags;
  final String version;
  final Set<String> dataExclusions;
  final Clock clock;
  final DoubleSupplier random;
  final Duration retryBaseDelay;
  final Duration retryMaxDelay;
  final Duration heartbeatInterval;

  ReporterSettings(ReporterBuilder builder) {
    this.client = client(builder);
    this.batchSize = builder.batchSize;
    this.flushInterval = builder.flushInterval;
    this.queueCapacity = builder.queueCapacity;
    this.outboxFolder = builder.outboxFolder;
    this.resendDelay = builder.resendDelay;
    this.shutdownHook = builder.shutdownHook;
    this.shutdownTimeout = builder.shutdownTimeout;
    this.captureUncaughtExceptions = builder.captureUncaughtExceptions;
    this.duplicateWindow = builder.duplicateWindow;
    this.includeModules = builder.includeModules;
    this.includePersonalData = builder.includePersonalData;
    this.defaultTags = builder.defaultTags;
    this.version = builder.version;
    this.dataExclusions = builder.dataExclusions;
    this.clock = builder.clock;
    this.random = builder.random;
    this.retryBaseDelay = builder.retryBaseDelay;
    this.retryMaxDelay = builder.retryMaxDelay;
    this.heartbeatInterval = builder.heartbeatInterval;
  }

  /** Opens the outbox folder, or returns null when none was set. */
  Outbox outbox() {
    if (outboxFolder == null) {
      return null;
    }
    try {
      return new Outbox(outboxFolder, client.moshi());
    } catch (IOException e) {
      throw new UncheckedIOException("The outbox folder " + outboxFolder + " cannot be created: choose a writable folder", e);
    }
  }

  private static ExceptionlessClient client(ReporterBuilder builder) {
    if (builder.client != null) {
      if (builder.apiKey != null || builder.serverUrl != null || builder.fromEnv) {
        throw new IllegalStateException("Set either client(...) or apiKey/serverUrl/fromEnv, not both");
      }
      return builder.client;
    }
    ExceptionlessClientBuilder client = ExceptionlessClient.builder();
    if (builder.fromEnv) {
      client.fromEnv();
    }
    if (builder.serverUrl != null) {
      client.serverUrl(builder.serverUrl);
    }
    if (builder.apiKey != null) {
      client.apiKey(builder.apiKey);
    }
    if (builder.apiKey == null && !builder.fromEnv) {
      throw new IllegalStateException("The reporter needs a client-scoped API key: call apiKey(...), fromEnv(), or client(...)");
    }
    return client.build();
  }
}
