package com.exceptionless.client.reporting;

import java.util.EnumMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reporter's counters, and the rate-limited log line about discards. Every event is counted once when it
 * enters (submitted, or restored from the outbox folder) and once when it leaves (accepted, discarded for a
 * reason, or left in the outbox at close); what has entered and not left is pending. Thread-safe; counting
 * costs the caller one uncontended add.
 */
final class ReporterCounters {
  private final LongAdder submitted = new LongAdder();
  private final LongAdder restored = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder leftInOutbox = new LongAdder();
  private final EnumMap<DiscardReason, LongAdder> discarded = new EnumMap<>(DiscardReason.class);
  private final RateLimitedWarning discardWarning = new RateLimitedWarning(ReportingLog.LOGGER);

  ReporterCounters() {
    for (DiscardReason reason : DiscardReason.values()) {
      discarded.put(reason, new LongAdder());
    }
  }

  void submitted() {
    submitted.increment();
  }

  /** Events an earlier run left in the outbox folder: they count as submitted to this reporter. */
  void restored(int count) {
    if (count > 0) {
      restored.add(count);
      submitted.add(count);
    }
  }

  void accepted(int count) {
    accepted.add(count);
  }

  /** Events still in the outbox folder when the reporter closed: the next reporter on the folder sends them. */
  void leftInOutbox(int count) {
    leftInOutbox.add(count);
  }

  void discarded(DiscardReason reason, int count) {
    if (count <= 0) {
      return;
    }
    discarded.get(reason).add(count);
    if (reason != DiscardReason.DUPLICATE && reason != DiscardReason.EXCLUDED_BY_SETTINGS) {
      discardWarning.log("Exceptionless: discarded " + count + " event(s) (" + reason + "); so far " + snapshot(), null);
    }
  }

  /**
   * Returns the counts. Those of events that left are read before those of events that entered, so that
   * pending (entered and not left) is never negative while events move.
   */
  ReporterStats snapshot() {
    long acceptedCount = accepted.sum();
    long leftCount = leftInOutbox.sum();
    EnumMap<DiscardReason, Long> counts = new EnumMap<>(DiscardReason.class);
    long discardedTotal = 0;
    for (DiscardReason reason : DiscardReason.values()) {
      long count = discarded.get(reason).sum();
      counts.put(reason, count);
      discardedTotal += count;
    }
    long restoredCount = restored.sum();
    long submittedCount = submitted.sum();
    long pending = Math.max(0, submittedCount - acceptedCount - discardedTotal - leftCount);
    return new ReporterStats(submittedCount, restoredCount, acceptedCount, pending, leftCount, counts);
  }
}
