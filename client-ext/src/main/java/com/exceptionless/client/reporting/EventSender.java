package com.exceptionless.client.reporting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.logging.Level;

/**
 * The reporter's sender thread: it takes batches from the {@link EventStore} (when a batch is full, when the
 * interval passed, on flush, or when closing), posts them with the {@link BatchSender} and applies each
 * {@link Outcome}: accepted and discarded batches leave the store; failed ones stay in front and are retried
 * after a backoff (capped, {@link DeliveryPause}); a 413 halves the batch size until the events of that batch
 * are through. Events dated outside the server's acceptance window are not sent
 * ({@link DiscardReason#EXPIRED}). Batches an earlier run left are paced. It also sends user descriptions and
 * heartbeats ({@link ServerCalls}). Nothing it does throws into the application. Its state is confined to its
 * thread, except the volatile flags callers set.
 */
final class EventSender implements Runnable {
  /** The server silently drops events dated more than 3 days ago; a minute of margin for clock differences. */
  static final long MAX_AGE_MILLIS = TimeUnit.DAYS.toMillis(3) - TimeUnit.MINUTES.toMillis(1);
  /** JSON per request, well under the 2,000,000 bytes the server accepts decompressed. */
  static final long MAX_BATCH_BYTES = 1_000_000;
  private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final EventStore store;
  private final BatchSender poster;
  private final DeliveryPause pause;
  private final Backoff backoff;
  private final Duration maxRetryAfter;
  private final ReporterCounters counters;
  private final ServerCalls serverCalls;
  private final IntConsumer configVersionSeen;
  private final Clock clock;
  private final BooleanSupplier moreComing;
  private final int batchSize;
  private final long intervalNanos;
  private final Duration resendDelay;

  private volatile Thread thread;
  private volatile boolean writerDone;
  private volatile boolean stopping;
  private volatile boolean aborted;
  private volatile long stopDeadlineNanos;
  private volatile long flushUntilNanos = System.nanoTime();
  private volatile boolean opened;

  private long nextFlushNanos;
  private int consecutiveFailures;
  private int sizeCap;
  private int splitRemaining;

  EventSender(EventStore store, BatchSender poster, DeliveryPause pause, Backoff backoff, Duration maxRetryAfter,
      BooleanSupplier moreComing, ReporterCounters counters, ServerCalls serverCalls, IntConsumer configVersionSeen, Clock clock, int batchSize,
      Duration interval, Duration resendDelay) {
    this.store = store;
    this.poster = poster;
    this.pause = pause;
    this.backoff = backoff;
    this.maxRetryAfter = maxRetryAfter;
    this.moreComing = moreComing;
    this.counters = counters;
    this.serverCalls = serverCalls;
    this.configVersionSeen = configVersionSeen;
    this.clock = clock;
    this.batchSize = batchSize;
    this.sizeCap = batchSize;
    this.intervalNanos = interval.toNanos();
    this.resendDelay = resendDelay;
  }

  void start(Thread senderThread) {
    this.thread = senderThread;
    senderThread.start();
  }

  /** Wakes the sender: a batch is ready, or a request other than events is queued. */
  void wake() {
    LockSupport.unpark(thread);
  }

  /** Sends what waits at once (ending the sender's own backoff) until the given time. */
  void flush(long untilNanos) {
    flushUntilNanos = untilNanos;
    pause.clearBackoff();
    wake();
  }

  /** Whether the outbox files an earlier run left have been read (counted as restored). */
  boolean opened() {
    return opened;
  }

  /** Sends what is left until the store is empty after the writer ended, or until the deadline. */
  void stop(long deadlineNanos) {
    stopDeadlineNanos = deadlineNanos;
    stopping = true;
    pause.clearBackoff();
    wake();
  }

  /** Tells the sender that the writer ended: once the store is empty, it may end too. */
  void writerDone() {
    writerDone = true;
    wake();
  }

  /** Ends at once, cancelling the call in flight (closing ran out of time). */
  void abort() {
    aborted = true;
    poster.cancel();
    wake();
  }

  @Override
  public void run() {
    try {
      store.open();
    } catch (RuntimeException | Error e) {
      ReportingLog.LOGGER.log(Level.WARNING, "Exceptionless: could not read the outbox folder", e);
    }
    opened = true;
    nextFlushNanos = System.nanoTime() + intervalNanos;
    while (!aborted) {
      try {
        if (!step()) {
          break;
        }
      } catch (RuntimeException | Error e) {
        ReportingLog.LOGGER.log(Level.WARNING, "Exceptionless: the reporter's sender recovered from a failure", e);
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
  }

  /** Does one thing (waits, or sends one batch); returns false when the sender should end. */
  private boolean step() {
    long now = System.nanoTime();
    serverCalls.sendDue(now);
    long paused = pause.remainingNanos(now);
    if (paused > 0) {
      if (stopping && now + paused - stopDeadlineNanos > 0) {
        return false;
      }
      LockSupport.parkNanos(this, Math.min(paused, MAX_PARK_NANOS));
      return true;
    }
    int waiting = store.waiting();
    if (waiting == 0) {
      if (stopping && writerDone) {
        return false;
      }
      nextFlushNanos = now + intervalNanos;
      LockSupport.parkNanos(this, MAX_PARK_NANOS);
      return true;
    }
    boolean urgent = stopping || flushUntilNanos - now > 0;
    boolean due = waiting >= sizeCap || now - nextFlushNanos >= 0 || store.nextIsRestored()
        || (urgent && !moreComing.getAsBoolean());
    if (!due) {
      LockSupport.parkNanos(this, Math.min(nextFlushNanos - now, MAX_PARK_NANOS));
      return true;
    }
    StoredBatch batch = store.next(sizeCap, MAX_BATCH_BYTES);
    if (batch != null) {
      send(batch);
    }
    if (store.waiting() < sizeCap) {
      nextFlushNanos = System.nanoTime() + intervalNanos;
    }
    return true;
  }

  private void send(StoredBatch batch) {
    long oldest = clock.millis() - MAX_AGE_MILLIS;
    List<SerializedEvent> fresh = new ArrayList<>(batch.events.size());
    for (SerializedEvent event : batch.events) {
      if (event.dateMillis >= oldest) {
        fresh.add(event);
      }
    }
    int expired = batch.events.size() - fresh.size();
    if (fresh.isEmpty()) {
      if (store.finish(batch)) {
        counters.discarded(DiscardReason.EXPIRED, expired);
      }
      return;
    }
    Outcome outcome = poster.send(fresh);
    int size = fresh.size();
    switch (outcome.action) {
      case ACCEPTED:
        if (outcome.configVersion != null) {
          configVersionSeen.accept(outcome.configVersion);
        }
        if (store.finish(batch)) {
          counters.accepted(size);
          counters.discarded(DiscardReason.EXPIRED, expired);
        }
        resolved(size);
        if (batch.restored && store.nextIsRestored() && !resendDelay.isZero()) {
          pause.backoff(resendDelay);
        }
        break;
      case DISCARD:
      case PLAN_LIMIT:
        if (outcome.action == Outcome.Action.PLAN_LIMIT) {
          pause.planLimited(outcome.pause);
        } else if (!outcome.pause.isZero()) {
          pause.unauthorized(outcome.pause);
        }
        if (store.finish(batch)) {
          counters.discarded(outcome.reason, size);
          counters.discarded(DiscardReason.EXPIRED, expired);
        }
        resolved(size);
        log("discarded " + size + " event(s): " + outcome.description);
        break;
      case SPLIT:
        if (size == 1) {
          if (store.finish(batch)) {
            counters.discarded(DiscardReason.TOO_LARGE, 1);
            counters.discarded(DiscardReason.EXPIRED, expired);
          }
          resolved(1);
          log("discarded an event the server finds too large: " + outcome.description);
        } else if (store.retry(batch)) {
          sizeCap = Math.max(1, size / 2);
          splitRemaining = batch.events.size();
        }
        break;
      case RETRY:
      default:
        if (!store.retry(batch) || aborted) {
          return;
        }
        consecutiveFailures++;
        Duration wait;
        if (outcome.retryAfter.isPresent()) {
          wait = outcome.retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : outcome.retryAfter.get();
          pause.serverAsked(wait);
        } else {
          wait = backoff.delay(consecutiveFailures);
          pause.backoff(wait);
        }
        log("keeping " + size + " event(s) to retry in " + wait.toMillis() + " ms: " + outcome.description);
        break;
    }
  }

  private void resolved(int size) {
    consecutiveFailures = 0;
    if (splitRemaining > 0) {
      splitRemaining -= size;
      if (splitRemaining <= 0) {
        sizeCap = batchSize;
      }
    }
  }

  private static void log(String message) {
    if (ReportingLog.LOGGER.isLoggable(Level.FINE)) {
      ReportingLog.LOGGER.fine("Exceptionless: " + message);
    }
  }
}
