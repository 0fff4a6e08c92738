package com.exceptionless.client.reporting;

import java.util.EnumMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reporter's counters, and the rate-limited log line about discards. Thread-safe; counting costs
 * the caller one uncontended add.
 */
final class ReporterCounters {
  static final Logger LOGGER = Logger.getLogger("com.exceptionless.client.reporting");
  private static final long LOG_EVERY_NANOS = 60_000_000_000L;

  private final LongAdder submitted = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final EnumMap<DiscardReason, LongAdder> discarded = new EnumMap<>(DiscardReason.class);
  private final AtomicLong lastLoggedNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  ReporterCounters() {
    for (DiscardReason reason : DiscardReason.values()) {
      discarded.put(reason, new LongAdder());
    }
  }

  void submitted() {
    submitted.increment();
  }

  void accepted(int count) {
    accepted.add(count);
  }

  void discarded(DiscardReason reason, int count) {
    if (count <= 0) {
      return;
    }
    discarded.get(reason).add(count);
    long now = System.nanoTime();
    long last = lastLoggedNanos.get();
    if (now - last >= LOG_EVERY_NANOS && lastLoggedNanos.compareAndSet(last, now) && LOGGER.isLoggable(Level.WARNING)) {
      LOGGER.warning("Exceptionless: discarded " + count + " event(s) (" + reason + "); so far " + snapshot(-1));
    }
  }

  ReporterStats snapshot(long pending) {
    EnumMap<DiscardReason, Long> counts = new EnumMap<>(DiscardReason.class);
    long discardedTotal = 0;
    for (DiscardReason reason : DiscardReason.values()) {
      long count = discarded.get(reason).sum();
      counts.put(reason, count);
      discardedTotal += count;
    }
    long submittedCount = submitted.sum();
    long acceptedCount = accepted.sum();
    long pendingCount = pending >= 0 ? pending : Math.max(0, submittedCount - acceptedCount - discardedTotal);
    return new ReporterStats(submittedCount, acceptedCount, pendingCount, counts);
  }
}
