package com.exceptionless.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps every request, accepted submission, received event, dropped event and session heartbeat, and lets tests wait for events;
 * thread-safe.
 */
final class Recorder {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition eventsArrived = lock.newCondition();
  private final List<RecordedRequest> requests = new ArrayList<RecordedRequest>();
  private final List<ReceivedSubmission> submissions = new ArrayList<ReceivedSubmission>();
  private final List<ReceivedEvent> events = new ArrayList<ReceivedEvent>();
  private final List<SessionHeartbeat> heartbeats = new ArrayList<SessionHeartbeat>();
  private final List<DroppedEvent> dropped = new ArrayList<DroppedEvent>();

  void recordRequest(RecordedRequest request) {
    lock.lock();
    try {
      requests.add(request);
    } finally {
      lock.unlock();
    }
  }

  void recordSubmission(ReceivedSubmission submission, List<ReceivedEvent> received) {
    lock.lock();
    try {
      submissions.add(submission);
      events.addAll(received);
      eventsArrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void recordHeartbeat(SessionHeartbeat heartbeat) {
    lock.lock();
    try {
      heartbeats.add(heartbeat);
    } finally {
      lock.unlock();
    }
  }

  void recordDropped(DroppedEvent event) {
    lock.lock();
    try {
      dropped.add(event);
    } finally {
      lock.unlock();
    }
  }

  List<DroppedEvent> dropped() {
    return snapshot(dropped);
  }

  List<SessionHeartbeat> heartbeats() {
    return snapshot(heartbeats);
  }

  List<RecordedRequest> requests() {
    return snapshot(requests);
  }

  List<ReceivedSubmission> submissions() {
    return snapshot(submissions);
  }

  List<ReceivedEvent> events() {
    return snapshot(events);
  }

  List<ReceivedEvent> events(String projectId) {
    lock.lock();
    try {
      List<ReceivedEvent> result = new ArrayList<ReceivedEvent>();
      for (ReceivedEvent event : events) {
        if (event.projectId().equals(projectId)) {
          result.add(event);
        }
      }
      return Collections.unmodifiableList(result);
    } finally {
      lock.unlock();
    }
  }

  /** Blocks until at least count events arrived; throws IllegalStateException on timeout or interrupt. */
  List<ReceivedEvent> awaitEvents(int count, Duration timeout) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (events.size() < count) {
        if (remaining <= 0) {
          throw new IllegalStateException("Expected at least " + count + " events within " + timeout
              + " but the server received " + events.size());
        }
        remaining = eventsArrived.awaitNanos(remaining);
      }
      return Collections.unmodifiableList(new ArrayList<ReceivedEvent>(events));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + count + " events", e);
    } finally {
      lock.unlock();
    }
  }

  void clear() {
    lock.lock();
    try {
      requests.clear();
      submissions.clear();
      events.clear();
      heartbeats.clear();
      dropped.clear();
    } finally {
      lock.unlock();
    }
  }

  private <T> List<T> snapshot(List<T> list) {
    lock.lock();
    try {
      return Collections.unmodifiableList(new ArrayList<T>(list));
    } finally {
      lock.unlock();
    }
  }
}
