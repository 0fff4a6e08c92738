package com.exceptionless.client.reporting;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of what the reporter did with the events it was given: accepted by the server, still
 * pending, and discarded by reason. {@code submitted == accepted + pending + discarded total} once
 * the reporter is idle. Immutable.
 */
public final class ReporterStats {
  private final long submitted;
  private final long accepted;
  private final long pending;
  private final Map<DiscardReason, Long> discarded;

  ReporterStats(long submitted, long accepted, long pending, EnumMap<DiscardReason, Long> discarded) {
    this.submitted = submitted;
    this.accepted = accepted;
    this.pending = pending;
    this.discarded = Collections.unmodifiableMap(discarded);
  }

  /** Returns how many events were submitted (including those discarded at once). */
  public long submitted() {
    return submitted;
  }

  /** Returns how many events the server accepted (202). */
  public long accepted() {
    return accepted;
  }

  /** Returns how many events are queued, being sent, or waiting to be retried. */
  public long pending() {
    return pending;
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
    StringBuilder text = new StringBuilder("submitted ").append(submitted).append(", accepted ").append(accepted)
        .append(", pending ").append(pending).append(", discarded ").append(discardedTotal());
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
