package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The asynchronous part of event submission: turns accepted events into stored events (adding
 * {@code @submission_client}, dropping events the server's validation rejects, stacking the rest), at once or
 * after the configured processing delay, so callers who read events back must poll as with the real server;
 * thread-safe.
 */
final class EventProcessor {
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  private final EventStore events;
  private final InMemoryStore store;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private volatile Duration delay = Duration.ZERO;

  EventProcessor(EventStore events, InMemoryStore store, Clock clock) {
    this.events = events;
    this.store = store;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "exceptionless-test-server-events-" + THREAD_NUMBER.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  void setDelay(Duration delay) {
    this.delay = delay;
  }

  /** Processes the submitted events now (delay zero, before the 202 is written) or after the delay. */
  void accept(final String projectId, final List<ReceivedEvent> received, final String clientHeader,
      final String clientAddress) {
    final List<Map<String, Object>> jsons = new ArrayList<Map<String, Object>>();
    for (ReceivedEvent event : received) {
      jsons.add(event.json());
    }
    Duration wait = delay;
    if (wait.isZero()) {
      process(projectId, jsons, clientHeader, clientAddress);
      return;
    }
    scheduler.schedule(() -> process(projectId, jsons, clientHeader, clientAddress), wait.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  void shutdown() {
    scheduler.shutdownNow();
  }

  private void process(String projectId, List<Map<String, Object>> jsons, String clientHeader,
      String clientAddress) {
    ProjectRecord project = store.project(projectId);
    if (project == null) {
      return;
    }
    Instant now = clock.instant();
    for (Map<String, Object> json : jsons) {
      ProcessedEvent event = ProcessedEvent.read(json, now);
      if (event.invalidReason(now) != null) {
        continue;
      }
      Map<String, Object> client = submissionClient(clientHeader, clientAddress);
      if (client != null && !event.data.containsKey("@submission_client")) {
        Map<String, Object> data = new LinkedHashMap<String, Object>(event.data);
        data.put("@submission_client", client);
        event = event.withData(Collections.unmodifiableMap(data));
      }
      events.store(project, event, now);
    }
  }

  /** {@code name/version} from X-Exceptionless-Client or User-Agent becomes user_agent, version, ip_address. */
  private static Map<String, Object> submissionClient(String header, String clientAddress) {
    if (header == null) {
      return null;
    }
    String first = header.trim().split("\\s+")[0];
    int slash = first.indexOf('/');
    if (slash <= 0 || slash == first.length() - 1) {
      return null;
    }
    Map<String, Object> client = new LinkedHashMap<String, Object>();
    client.put("user_agent", header.trim());
    client.put("version", first.substring(slash + 1));
    client.put("ip_address", clientAddress);
    return Collections.unmodifiableMap(client);
  }
}
