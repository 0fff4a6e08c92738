package com.exceptionless.client.reporting;

import com.exceptionless.client.EventService;
import com.exceptionless.client.model.UserDescription;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

/**
 * The reporter's requests other than event batches: user descriptions and session heartbeats. Callers
 * queue them (bounded, never blocking); the sender thread sends them, and sends a heartbeat for every
 * active session once per interval. Failures are logged, never thrown. Thread-safe.
 */
final class ServerCalls {
  static final int MAX_PENDING = 1_000;

  private final EventService events;
  private final long heartbeatIntervalNanos;
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingCount = new AtomicInteger();
  private final Set<String> activeSessions = ConcurrentHashMap.newKeySet();
  private long nextHeartbeatNanos;

  ServerCalls(EventService events, long heartbeatIntervalNanos) {
    this.events = events;
    this.heartbeatIntervalNanos = heartbeatIntervalNanos;
    this.nextHeartbeatNanos = System.nanoTime() + heartbeatIntervalNanos;
  }

  /** Queues a user description; returns false when too many calls are waiting. */
  boolean userDescription(String referenceId, UserDescription description) {
    return offer(() -> events.submitUserDescription(referenceId, description), "user description");
  }

  void sessionStarted(String sessionId) {
    activeSessions.add(sessionId);
  }

  /** Stops the session's heartbeats and queues the closing heartbeat. */
  boolean sessionEnded(String sessionId) {
    activeSessions.remove(sessionId);
    return offer(() -> events.heartbeat(sessionId, true), "session end");
  }

  int activeSessionCount() {
    return activeSessions.size();
  }

  /** Runs on the sender thread: sends what is queued, and the heartbeats that are due. */
  void sendDue(long nowNanos) {
    for (Runnable call; (call = pending.poll()) != null; ) {
      pendingCount.decrementAndGet();
      call.run();
    }
    if (nowNanos - nextHeartbeatNanos >= 0) {
      nextHeartbeatNanos = nowNanos + heartbeatIntervalNanos;
      for (String session : activeSessions) {
        run(() -> events.heartbeat(session, false), "session heartbeat");
      }
    }
  }

  private boolean offer(Runnable call, String what) {
    if (pendingCount.incrementAndGet() > MAX_PENDING) {
      pendingCount.decrementAndGet();
      ReportingLog.LOGGER.warning("Exceptionless: too many requests waiting; a " + what + " was dropped");
      return false;
    }
    pending.add(() -> run(call, what));
    return true;
  }

  private static void run(Runnable call, String what) {
    try {
      call.run();
    } catch (RuntimeException e) {
      ReportingLog.LOGGER.log(Level.FINE, "Exceptionless: a " + what + " could not be sent", e);
    }
  }
}
