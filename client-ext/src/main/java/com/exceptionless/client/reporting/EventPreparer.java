package com.exceptionless.client.reporting;

import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.InnerError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a queued event into the event sent, on the writer thread (or a caller writing to the outbox itself, one
 * at a time under the writer's lock): converts its throwable to {@code @error}
 * with {@code @environment}, drops duplicates and events the project's settings exclude, adds the default
 * tags and version, and removes excluded data. Counts what it drops. Used by one thread at a time.
 */
final class EventPreparer {
  private final ReporterSettings settings;
  private final Supplier<ServerSettings> serverSettings;
  private final ReporterCounters counters;
  private final ErrorConverter errors;
  private final EnvironmentCollector environment;
  private final DuplicateFilter duplicates;
  private ServerSettings exclusionsSource;
  private DataExclusions exclusions;

  EventPreparer(ReporterSettings settings, Supplier<ServerSettings> serverSettings, ReporterCounters counters) {
    this.settings = settings;
    this.serverSettings = serverSettings;
    this.counters = counters;
    this.errors = new ErrorConverter(settings.includeModules, new ModuleCatalog(System.getProperty("java.class.path")));
    this.environment = new EnvironmentCollector(settings.includePersonalData);
    this.duplicates = new DuplicateFilter(settings.duplicateWindow.toNanos());
  }

  /** Returns the event to send, or null when it is dropped (and counted). */
  Event prepare(QueuedEvent queued) {
    try {
      return prepareOrDrop(queued);
    } catch (RuntimeException e) {
      counters.discarded(DiscardReason.FAILED, 1);
      ReporterCounters.LOGGER.log(java.util.logging.Level.FINE, "Exceptionless: an event could not be prepared", e);
      return null;
    }
  }

  private Event prepareOrDrop(QueuedEvent queued) {
    Event event = queued.event;
    ServerSettings server = serverSettings.get();
    DataExclusions exclusions = exclusionsFor(server);
    Map<String, Object> data = event.getData() != null ? new LinkedHashMap<>(event.getData()) : new LinkedHashMap<>();
    List<String> sources = new ArrayList<>();
    String message = event.getMessage();
    if (queued.error != null) {
      if (duplicates.isDuplicate(queued.error, System.nanoTime())) {
        counters.discarded(DiscardReason.DUPLICATE, 1);
        return null;
      }
      ErrorInfo error = errors.convert(queued.error, exclusions);
      data.put("@error", error);
      data.put("@environment", environment.snapshot(queued.threadId, queued.threadName));
      sources.addAll(types(error));
      if (message == null) {
        message = EventBuilder.limit(error.getMessage(), 2000);
      }
    } else {
      sources.add(event.getSource() != null ? event.getSource() : "");
    }
    Object level = data.get("@level");
    if (server.excludes(event.getType(), sources, level != null ? level.toString() : null)) {
      counters.discarded(DiscardReason.EXCLUDED_BY_SETTINGS, 1);
      return null;
    }
    if (settings.version != null && !data.containsKey("@version")) {
      data.put("@version", settings.version);
    }
    Set<String> tags = new LinkedHashSet<>(settings.defaultTags);
    if (event.getTags() != null) {
      tags.addAll(event.getTags());
    }
    Map<String, Object> kept = exclusions.apply(data);
    return event.toBuilder()
        .message(message)
        .tags(tags.isEmpty() ? null : tags)
        .data(kept.isEmpty() ? null : kept)
        .build();
  }

  /** The local and server exclusions together, rebuilt only when the server settings change. */
  private DataExclusions exclusionsFor(ServerSettings server) {
    if (server != exclusionsSource) {
      exclusions = new DataExclusions(settings.dataExclusions, server.dataExclusions());
      exclusionsSource = server;
    }
    return exclusions;
  }

  private static List<String> types(ErrorInfo error) {
    List<String> types = new ArrayList<>();
    types.add(error.getType());
    for (InnerError inner = error.getInner(); inner != null; inner = inner.getInner()) {
      types.add(inner.getType());
    }
    return types.isEmpty() ? Collections.<String>emptyList() : types;
  }
}
