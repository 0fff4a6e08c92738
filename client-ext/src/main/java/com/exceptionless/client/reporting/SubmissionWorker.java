package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.logging.Level;

/**
 * The reporter's single daemon thread: it drains the bounded queue into batches (when a batch fills,
 * when the interval passes, or on flush), sends them, and applies each {@link Outcome}. Retried batches go
 * before new events, so order is kept. Everything it does is caught and counted: nothing escapes into
 * the application. Its mutable state is confined to the worker thread, except the volatile flags that
 * callers set to wake it.
 */
final class SubmissionWorker implements Runnable {
  /** The worker looks at least this often for user descriptions and heartbeats to send. */
  private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final BlockingQueue<QueuedEvent> queue;
  private final EventPreparer preparer;
  private final BatchSender sender;
  private final Backoff backoff;
  private final ReporterCounters counters;
  private final Outbox outbox;
  private final IntConsumer configVersionSeen;
  private final ServerCalls serverCalls;
  private final int batchSize;
  private final long intervalNanos;
  private final long resendDelayNanos;

  private final Deque<Batch> retries = new ArrayDeque<>();
  private final Object idleMonitor = new Object();

  private volatile Thread thread;
  private volatile boolean flushRequested;
  private volatile boolean stopping;
  private volatile long pausedUntilNanos = System.nanoTime();
  private volatile long planLimitedUntilNanos = System.nanoTime();
  private volatile int unresolved;
  private long nextFlushNanos;
  private int restoredRemaining;

  SubmissionWorker(BlockingQueue<QueuedEvent> queue, EventPreparer preparer, BatchSender sender, Backoff backoff,
      ReporterCounters counters, Outbox outbox, IntConsumer configVersionSeen, int batchSize, Duration interval,
      Duration resendDelay, List<Batch> restored, ServerCalls serverCalls) {
    this.queue = queue;
    this.preparer = preparer;
    this.sender = sender;
    this.backoff = backoff;
    this.counters = counters;
    this.outbox = outbox;
    this.configVersionSeen = configVersionSeen;
    this.serverCalls = serverCalls;
    this.batchSize = batchSize;
    this.intervalNanos = interval.toNanos();
    this.resendDelayNanos = resendDelay.toNanos();
    this.retries.addAll(restored);
    this.restoredRemaining = restored.size();
    this.unresolved = count(restored);
  }

  void start(Thread workerThread) {
    this.thread = workerThread;
    workerThread.start();
  }

  /** Whether new events must be discarded because the organization is over its plan (402). */
  boolean planLimited() {
    return System.nanoTime() - planLimitedUntilNanos < 0;
  }

  /** Wakes the worker when a batch is full; called on the caller's thread, so it costs almost nothing. */
  void eventQueued(int queueSize) {
    if (queueSize >= batchSize) {
      wake();
    }
  }

  boolean flush(Duration timeout) {
    flushRequested = true;
    wake();
    return awaitIdle(timeout);
  }

  void stop() {
    stopping = true;
    wake();
  }

  /** Events drained from the queue but not yet accepted or discarded. */
  int unresolved() {
    return unresolved;
  }

  /** After the thread ended: the batches it still held (for the outbox or the CLOSED count). */
  List<Batch> takeLeftovers() {
    List<Batch> left = new ArrayList<>(retries);
    retries.clear();
    unresolved = 0;
    return left;
  }

  @Override
  public void run() {
    nextFlushNanos = System.nanoTime() + intervalNanos;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        serverCalls.sendDue(System.nanoTime());
        Batch batch = nextBatch();
        if (batch != null) {
          send(batch);
        } else if (stopping && ((queue.isEmpty() && retries.isEmpty()) || pausedUntilNanos - System.nanoTime() > 0)) {
          break;
        }
        signalIdleIfSo();
      } catch (RuntimeException | Error e) {
        ReporterCounters.LOGGER.log(Level.WARNING, "Exceptionless: the reporter's worker recovered from a failure", e);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
    signalIdleIfSo();
  }

  private Batch nextBatch() {
    long now = System.nanoTime();
    long pausedFor = pausedUntilNanos - now;
    if (pausedFor > 0) {
      LockSupport.parkNanos(this, Math.min(pausedFor, MAX_PARK_NANOS));
      return null;
    }
    if (!retries.isEmpty()) {
      return retries.pollFirst();
    }
    boolean due = queue.size() >= batchSize || flushRequested || stopping || now - nextFlushNanos >= 0;
    if (!due) {
      LockSupport.parkNanos(this, Math.min(nextFlushNanos - now, MAX_PARK_NANOS));
      return null;
    }
    if (queue.isEmpty()) {
      nextFlushNanos = now + intervalNanos;
      flushRequested = false;
      return null;
    }
    List<QueuedEvent> drained = new ArrayList<>(batchSize);
    synchronized (idleMonitor) {
      queue.drainTo(drained, batchSize);
      unresolved = unresolved + drained.size();
    }
    List<Event> events = new ArrayList<>(drained.size());
    for (QueuedEvent queued : drained) {
      Event event = preparer.prepare(queued);
      if (event != null) {
        events.add(event);
      }
    }
    unresolved = unresolved - (drained.size() - events.size());
    if (queue.size() < batchSize) {
      nextFlushNanos = now + intervalNanos;
    }
    if (events.isEmpty()) {
      return null;
    }
    return new Batch(events, outbox != null ? outbox.store(events) : null);
  }

  private void send(Batch batch) {
    Outcome outcome = sender.send(batch.events);
    int size = batch.events.size();
    long now = System.nanoTime();
    switch (outcome.action) {
      case ACCEPTED:
        resolve(batch);
        counters.accepted(size);
        if (batch.file != null && restoredRemaining > 0 && --restoredRemaining > 0) {
          pausedUntilNanos = now + resendDelayNanos;
        }
        if (outcome.configVersion != null) {
          configVersionSeen.accept(outcome.configVersion);
        }
        break;
      case DISCARD:
        resolve(batch);
        counters.discarded(outcome.reason, size);
        log(outcome, size);
        if (!outcome.pause.isZero()) {
          pausedUntilNanos = now + outcome.pause.toNanos();
        }
        break;
      case PLAN_LIMIT:
        resolve(batch);
        counters.discarded(DiscardReason.PLAN_LIMIT, size);
        log(outcome, size);
        planLimitedUntilNanos = now + outcome.pause.toNanos();
        pausedUntilNanos = planLimitedUntilNanos;
        clearEverything(DiscardReason.PLAN_LIMIT);
        break;
      case SPLIT:
        resolve(batch);
        if (size == 1) {
          counters.discarded(DiscardReason.TOO_LARGE, 1);
          log(outcome, 1);
        } else {
          List<Event> first = new ArrayList<>(batch.events.subList(0, size / 2));
          List<Event> second = new ArrayList<>(batch.events.subList(size / 2, size));
          retries.addFirst(new Batch(second, outbox != null ? outbox.store(second) : null));
          retries.addFirst(new Batch(first, outbox != null ? outbox.store(first) : null));
          unresolved = unresolved + size;
        }
        break;
      case RETRY:
      default:
        batch.failedAttempts++;
        retries.addFirst(batch);
        Duration wait = backoff.delay(batch.failedAttempts, outcome.retryAfter);
        pausedUntilNanos = now + wait.toNanos();
        if (ReporterCounters.LOGGER.isLoggable(Level.FINE)) {
          ReporterCounters.LOGGER.fine("Exceptionless: keeping " + size + " event(s) to retry in " + wait.toMillis()
              + " ms: " + outcome.description);
        }
        break;
    }
  }

  private void resolve(Batch batch) {
    unresolved = unresolved - batch.events.size();
    if (outbox != null) {
      outbox.delete(batch.file);
    }
  }

  private void clearEverything(DiscardReason reason) {
    List<QueuedEvent> drained = new ArrayList<>();
    queue.drainTo(drained);
    counters.discarded(reason, drained.size());
    for (Batch batch : retries) {
      resolve(batch);
      counters.discarded(reason, batch.events.size());
    }
    retries.clear();
  }

  private void log(Outcome outcome, int size) {
    if (ReporterCounters.LOGGER.isLoggable(Level.FINE)) {
      ReporterCounters.LOGGER.fine("Exceptionless: discarded " + size + " event(s): " + outcome.description);
    }
  }

  private boolean idle() {
    return queue.isEmpty() && unresolved == 0;
  }

  private void signalIdleIfSo() {
    if (idle()) {
      synchronized (idleMonitor) {
        flushRequested = false;
        idleMonitor.notifyAll();
      }
    }
  }

  private boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idleMonitor) {
      while (!idle()) {
        long remaining = deadline - System.nanoTime();
        Thread worker = thread;
        if (remaining <= 0 || worker == null || !worker.isAlive()) {
          return idle();
        }
        try {
          idleMonitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return idle();
        }
      }
      return true;
    }
  }

  /** Wakes the worker to send a queued request other than events. */
  void wakeUp() {
    wake();
  }

  private void wake() {
    Thread worker = thread;
    if (worker != null) {
      LockSupport.unpark(worker);
    }
  }

  private static int count(Iterable<Batch> batches) {
    int total = 0;
    for (Batch batch : batches) {
      total += batch.events.size();
    }
    return total;
  }
}
