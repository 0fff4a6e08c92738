package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Event;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;

/**
 * The reporter's writer thread: it takes what callers queued, prepares each event ({@link EventPreparer}:
 * {@code @error}, settings, exclusions), serializes it on its own (one that cannot be written is discarded
 * alone as {@link DiscardReason#UNSERIALIZABLE}), and hands the JSON to the {@link EventStore}, which with an
 * outbox folder puts it on disk. It waits at most {@link #LINGER_NANOS} after an event arrives before writing,
 * so that events come to rest quickly and still share files. With the outbox, when the writer falls behind
 * ({@link #SPILL_QUEUED} events wait) or the caller's queue is full, a caller writes its event itself
 * ({@link #spill}) rather than leaving it in memory or dropping it. Nothing it does throws
 * into the application. Its state is confined to its thread, except the volatile flags callers set.
 */
final class EventWriter implements Runnable {
  /** The longest an event waits in the caller's queue once the writer knows of it. */
  static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /**
   * With an outbox, a caller writes its event itself when this many wait in the queue: the writer is behind (a
   * burst faster than the disk), and a longer queue would take it past the durability bound to write.
   */
  static final int SPILL_QUEUED = 256;
  /** Events larger than this are not sent: the server drops a body over 2,000,000 bytes decompressed. */
  static final int MAX_EVENT_BYTES = 1_000_000;
  private static final long ROOM_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final BlockingQueue<QueuedEvent> queue;
  private final EventPreparer preparer;
  private final EventJson json;
  /** The JSON of the event at hand; used under {@link #processing}. */
  private final JsonBytes out = new JsonBytes(MAX_EVENT_BYTES);
  private final EventStore store;
  private final ReporterCounters counters;
  private final Clock clock;
  private final int batchSize;
  private final Runnable batchReady;
  private final ReentrantLock processing = new ReentrantLock();
  private final RateLimitedWarning unserializable = new RateLimitedWarning(ReportingLog.LOGGER);
  private final List<SerializedEvent> spilled = new ArrayList<>();

  private volatile Thread thread;
  private volatile boolean parkedIdle;
  private volatile boolean stopping;
  private volatile boolean aborted;
  private volatile long flushUntilNanos = System.nanoTime();

  EventWriter(BlockingQueue<QueuedEvent> queue, EventPreparer preparer, EventJson json, EventStore store,
      ReporterCounters counters, Clock clock, int batchSize, Runnable batchReady) {
    this.queue = queue;
    this.preparer = preparer;
    this.json = json;
    this.store = store;
    this.counters = counters;
    this.clock = clock;
    this.batchSize = batchSize;
    this.batchReady = batchReady;
  }

  void start(Thread writerThread) {
    this.thread = writerThread;
    writerThread.start();
  }

  /**
   * Called on the caller's thread after an event was queued: wakes the writer if it sleeps with nothing to do,
   * or when a batch is full.
   */
  void eventQueued(int queued) {
    if (parkedIdle) {
      parkedIdle = false;
      LockSupport.unpark(thread);
    } else if (queued == batchSize) {
      LockSupport.unpark(thread);
    }
  }

  /** Writes what is queued without waiting for more. */
  void flush(long untilNanos) {
    flushUntilNanos = untilNanos;
    LockSupport.unpark(thread);
  }

  /** Writes everything queued, then ends. */
  void stop() {
    stopping = true;
    LockSupport.unpark(thread);
  }

  /** Ends after the event at hand (closing ran out of time); what is still queued is the closer's. */
  void abort() {
    aborted = true;
    LockSupport.unpark(thread);
  }

  @Override
  public void run() {
    while (!aborted) {
      try {
        if (queue.isEmpty()) {
          writeSpilled();
          if (stopping) {
            break;
          }
          parkedIdle = true;
          if (queue.isEmpty() && !stopping && !aborted) {
            LockSupport.park(this);
          }
          parkedIdle = false;
          continue;
        }
        linger();
        while (!store.hasRoom(batchSize) && !aborted) {
          LockSupport.parkNanos(this, ROOM_WAIT_NANOS);
        }
        List<QueuedEvent> drained = new ArrayList<>(batchSize);
        queue.drainTo(drained, batchSize);
        write(drained);
      } catch (RuntimeException | Error e) {
        ReportingLog.LOGGER.log(Level.WARNING, "Exceptionless: the reporter's writer recovered from a failure", e);
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
    writeSpilled();
  }

  /**
   * Runs on a caller's thread when the queue is full and the store is the outbox: prepares and writes the event
   * here (files of a batch each), so a burst goes to disk instead of being dropped.
   */
  void spill(QueuedEvent event) {
    processing.lock();
    try {
      SerializedEvent serialized = serialize(event);
      if (serialized != null) {
        spilled.add(serialized);
        if (spilled.size() >= batchSize) {
          writeSpilledLocked();
        }
      }
    } finally {
      processing.unlock();
    }
  }

  /** Waits until the oldest queued event is {@link #LINGER_NANOS} old, a batch is full, or a flush or stop asks. */
  private void linger() {
    QueuedEvent oldest = queue.peek();
    if (oldest == null) {
      return;
    }
    long until = oldest.queuedNanos + LINGER_NANOS;
    long left;
    while (!stopping && !aborted && queue.size() < batchSize && flushUntilNanos - System.nanoTime() <= 0
        && (left = until - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, left);
    }
  }

  private void write(List<QueuedEvent> drained) {
    List<SerializedEvent> serialized = new ArrayList<>(drained.size());
    processing.lock();
    try {
      for (QueuedEvent event : drained) {
        SerializedEvent one = serialize(event);
        if (one != null) {
          serialized.add(one);
        }
      }
      if (!spilled.isEmpty()) {
        serialized.addAll(0, takeSpilled());
      }
      if (!serialized.isEmpty()) {
        store.add(serialized);
      }
    } finally {
      processing.unlock();
    }
    if (store.waiting() >= batchSize || stopping || flushUntilNanos - System.nanoTime() > 0) {
      batchReady.run();
    }
  }

  private void writeSpilled() {
    boolean wrote;
    processing.lock();
    try {
      wrote = writeSpilledLocked();
    } finally {
      processing.unlock();
    }
    if (wrote) {
      batchReady.run();
    }
  }

  private boolean writeSpilledLocked() {
    if (spilled.isEmpty()) {
      return false;
    }
    store.add(takeSpilled());
    return true;
  }

  private List<SerializedEvent> takeSpilled() {
    List<SerializedEvent> taken = new ArrayList<>(spilled);
    spilled.clear();
    return taken;
  }

  /** Prepares and serializes one event; returns null when it was discarded (and counted). Under the lock. */
  private SerializedEvent serialize(QueuedEvent queued) {
    Event event = preparer.prepare(queued);
    if (event == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = json.write(event, out);
    } catch (JsonBytes.TooLarge e) {
      counters.discarded(DiscardReason.TOO_LARGE, 1);
      return null;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      counters.discarded(DiscardReason.UNSERIALIZABLE, 1);
      unserializable.log("Exceptionless: an event could not be written as JSON and was discarded (the others are"
          + " sent): " + e, null);
      return null;
    }
    long date = event.getDate() != null ? event.getDate().toInstant().toEpochMilli() : clock.millis();
    return new SerializedEvent(date, bytes);
  }
}
