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
 * The asynchronous part of event submission, in the server's order: drops events dated more than 3 days ago and
 * those whose reference id the project used within 24 hours, repairs the rest (date, reference id, tags, message
 * and source), rebuilds {@code @submission_client}, fails the whole post when one event cannot be saved and stacks
 * the rest; what it drops is recorded as {@link DroppedEvent}s. It runs at once or
 * after the configured processing delay, so callers who read events back must poll as with the real server;
 * thread-safe.
 */
final class EventProcessor {
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  private final EventStore events;
  private final InMemoryStore store;
  private final Recorder recorder;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private volatile Duration delay = Duration.ZERO;

  EventProcessor(EventStore events, InMemoryStore store, Recorder recorder, Clock clock) {
    this.events = events;
    this.recorder = recorder;
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
    Map<String, Object> client = submissionClient(clientHeader, clientAddress, project);
    List<ProcessedEvent> accepted = new ArrayList<ProcessedEvent>();
    List<Map<String, Object>> acceptedJson = new ArrayList<Map<String, Object>>();
    for (Map<String, Object> json : jsons) {
      ProcessedEvent event = ProcessedEvent.read(json, now);
      String reason = event.dropReason(now);
      if (reason == null && event.referenceId != null && !event.referenceId.isEmpty()
          && !events.claimReferenceId(project.id, event.referenceId, now)) {
        reason = "reference_id was already used in this project within 24 hours";
      }
      if (reason != null) {
        recorder.recordDropped(new DroppedEvent(project.id, json, reason, now));
        continue;
      }
      event = event.repaired(now);
      Map<String, Object> data = new LinkedHashMap<String, Object>(event.data);
      data.remove("@submission_client");
      if (client != null) {
        data.put("@submission_client", client);
      }
      accepted.add(event.withData(Collections.unmodifiableMap(data)));
      acceptedJson.add(json);
    }
    for (ProcessedEvent event : accepted) {
      if (event.failsToSave()) {
        for (Map<String, Object> json : acceptedJson) {
          recorder.recordDropped(new DroppedEvent(project.id, json,
              "saving the post failed: an event's type is longer than 100 characters", now));
        }
        return;
      }
    }
    for (int i = 0; i < accepted.size(); i++) {
      if (events.store(project, accepted.get(i), now) == null) {
        recorder.recordDropped(new DroppedEvent(project.id, acceptedJson.get(i), "its stack is discarded", now));
      }
    }
  }

  /**
   * Rebuilds {@code @submission_client} as the server does (07_SubmissionClientPlugin.cs): from the header
   * ({@code X-Exceptionless-Client}, else {@code User-Agent}) {@code name/version} gives the lower-cased name as
   * {@code user_agent} and the version, anything else the whole lower-cased header; the IP address unless the
   * project's {@code @@IncludePrivateInformation} setting is false (a loopback address as 127.0.0.1); null when
   * there is neither.
   */
  static Map<String, Object> submissionClient(String header, String clientAddress, ProjectRecord project) {
    boolean includePrivate = !"false".equalsIgnoreCase(
        trimmed(project.settings.get("@@IncludePrivateInformation")));
    boolean hasIp = includePrivate && clientAddress != null && !clientAddress.isEmpty();
    boolean hasAgent = header != null && !header.isEmpty();
    if (!hasIp && !hasAgent) {
      return null;
    }
    Map<String, Object> client = new LinkedHashMap<String, Object>();
    if (hasAgent) {
      List<String> parts = new ArrayList<String>();
      for (String part : header.split("/")) {
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      String version = parts.size() == 2 ? Versions.dotNetVersion(parts.get(1)) : null;
      if (version != null) {
        client.put("user_agent", parts.get(0).trim().toLowerCase(java.util.Locale.ROOT));
        client.put("version", version);
      } else {
        client.put("user_agent", header.trim().toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (hasIp) {
      client.put("ip_address", isLoopback(clientAddress) ? "127.0.0.1" : clientAddress.trim());
    }
    return Collections.unmodifiableMap(client);
  }

  private static boolean isLoopback(String address) {
    String value = address.trim();
    return value.startsWith("127.") || value.equals("::1") || value.equals("0:0:0:0:0:0:0:1")
        || value.equalsIgnoreCase("localhost");
  }

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }
}
