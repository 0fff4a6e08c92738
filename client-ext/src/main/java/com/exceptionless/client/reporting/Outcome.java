package com.exceptionless.client.reporting;

import java.time.Duration;
import java.util.Optional;

/** What to do with a batch after one attempt to send it. Immutable. */
final class Outcome {
  enum Action {
    /** The server took the batch (202). */
    ACCEPTED,
    /** Drop the batch, counted under {@link #reason}; pause submission for {@link #pause} when set. */
    DISCARD,
    /** 402: drop the batch and everything queued, and refuse new events for {@link #pause}. */
    PLAN_LIMIT,
    /** 413: split the batch and send the halves; a single event is dropped as too large. */
    SPLIT,
    /** Keep the batch and try again after a backoff (or the server's Retry-After). */
    RETRY
  }

  final Action action;
  final DiscardReason reason;
  final Duration pause;
  final Optional<Duration> retryAfter;
  final Integer configVersion;
  final String description;

  private Outcome(Action action, DiscardReason reason, Duration pause, Optional<Duration> retryAfter,
      Integer configVersion, String description) {
    this.action = action;
    this.reason = reason;
    this.pause = pause;
    this.retryAfter = retryAfter;
    this.configVersion = configVersion;
    this.description = description;
  }

  static Outcome accepted(Integer configVersion) {
    return new Outcome(Action.ACCEPTED, null, Duration.ZERO, Optional.empty(), configVersion, "accepted");
  }

  static Outcome discard(DiscardReason reason, Duration pause, String description) {
    return new Outcome(Action.DISCARD, reason, pause, Optional.empty(), null, description);
  }

  static Outcome planLimit(Duration pause, String description) {
    return new Outcome(Action.PLAN_LIMIT, DiscardReason.PLAN_LIMIT, pause, Optional.empty(), null, description);
  }

  static Outcome split(String description) {
    return new Outcome(Action.SPLIT, DiscardReason.TOO_LARGE, Duration.ZERO, Optional.empty(), null, description);
  }

  static Outcome retry(Optional<Duration> retryAfter, String description) {
    return new Outcome(Action.RETRY, null, Duration.ZERO, retryAfter, null, description);
  }

  @Override
  public String toString() {
    return action + " (" + description + ")";
  }
}
