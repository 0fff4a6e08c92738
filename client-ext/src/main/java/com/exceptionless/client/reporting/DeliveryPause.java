package com.exceptionless.client.reporting;

import java.time.Duration;

/**
 * Why and until when the sender must not post events: its own backoff after a failure (connection refused,
 * 5xx), the server's Retry-After, a refused API key (401/403), an organization over its plan (402), or the
 * pacing of batches an earlier run left. The sender reads it before every batch; {@code flush} clears the
 * backoff and the pacing (not what the server asked for). Thread-safe.
 */
final class DeliveryPause {
  private volatile long backoffUntilNanos = System.nanoTime();
  private volatile long serverAskedUntilNanos = backoffUntilNanos;
  private volatile long unauthorizedUntilNanos = backoffUntilNanos;
  private volatile long planLimitedUntilNanos = backoffUntilNanos;

  /** Nanoseconds left before a batch may be posted, or zero or less when it may be posted now. */
  long remainingNanos(long nowNanos) {
    long until = latest(latest(backoffUntilNanos, serverAskedUntilNanos), latest(unauthorizedUntilNanos, planLimitedUntilNanos));
    return until - nowNanos;
  }

  /** Whether new events must be discarded because the organization is over its plan. */
  boolean planLimited(long nowNanos) {
    return planLimitedUntilNanos - nowNanos > 0;
  }

  void backoff(Duration wait) {
    backoffUntilNanos = System.nanoTime() + wait.toNanos();
  }

  void serverAsked(Duration wait) {
    serverAskedUntilNanos = System.nanoTime() + wait.toNanos();
  }

  void unauthorized(Duration wait) {
    unauthorizedUntilNanos = System.nanoTime() + wait.toNanos();
  }

  void planLimited(Duration wait) {
    planLimitedUntilNanos = System.nanoTime() + wait.toNanos();
  }

  /** Ends the sender's own backoff and pacing now ({@code flush}: try at once). */
  void clearBackoff() {
    backoffUntilNanos = System.nanoTime();
  }

  private static long latest(long a, long b) {
    return a - b > 0 ? a : b;
  }
}
