package com.exceptionless.client.reporting;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of what the reporter did with the events it was given. At every moment
 * {@code submitted == accepted + discardedTotal + pending + leftInOutbox}: an event is pending from the moment it
 * is submitted (or restored from the outbox folder) until the server accepted it, it was discarded for a
 * {@link DiscardReason}, or the reporter closed with it in the outbox folder. After {@code close}, nothing is
 * pending. Immutable.
 */
public final class ReporterStats {
  private final long submitted;
  private final long restored;
  private final long accepted;
  private final long pending;
  private final long leftInOutbox;
  private final Map<DiscardReason, Long> discarded;

  ReporterStats(long submitted, long restored, long accepted, long pending, long leftInOutbox,
      EnumMap<DiscardReason, Long> discarded) {
    this.submitted = submitted;
    this.restored = restored;
    this.accepted = accepted;
    this.pending = pending;
    this.leftInOutbox = leftInOutbox;
    this.discarded = Collections.unmodifiableMap(discarded);
  }

  /**
   * Returns how many events this reporter was given: submitted (including those discarded at once) plus those
   * an earlier run left in the outbox folder ({@link #restored()}).
   */
  public long submitted() {
    return submitted;
  }

  /** Returns how many of the submitted events were left in the outbox folder by an earlier run. */
  public long restored() {
    return restored;
  }

  /** Returns how many events the server accepted (202). */
  public long accepted() {
    return accepted;
  }

  /** Returns how many events are queued, being written, waiting in the outbox, being sent, or waiting to be retried. */
  public long pending() {
    return pending;
  }

  /** Returns how many events stayed in the outbox folder when the reporter closed; the next start sends them. */
  public long leftInOutbox() {
    return leftInOutbox;
  }

  /** Returns how many events were discarded for a reason. */
  public long discarded(DiscardReason reason) {
    Long count = discarded.get(reason);
    return count == null ? 0 : count;
  }

  /** Returns the discarded counts of every reason. */
  public Map<DiscardReason, Long> discarded() {
    return discarded;
  }

  /** Returns how many events were discarded for any reason. */
  public long discardedTotal() {
    long total = 0;
    for (long count : discarded.values()) {
      total += count;
    }
    return total;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("submitted ").append(submitted);
    if (restored > 0) {
      text.append(" (restored ").append(restored).append(')');
    }
    text.append(", accepted ").append(accepted).append(", pending ").append(pending);
    if (leftInOutbox > 0) {
      text.append(", left in outbox ").append(leftInOutbox);
    }
    text.append(", discarded ").append(discardedTotal());
    String separator = " (";
    for (Map.Entry<DiscardReason, Long> entry : discarded.entrySet()) {
      if (entry.getValue() > 0) {
        text.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
        separator = ", ";
      }
    }
    return separator.equals(", ") ? text.append(')').toString() : text.toString();
  }
}
