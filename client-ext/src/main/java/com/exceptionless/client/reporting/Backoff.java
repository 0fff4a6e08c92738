package com.exceptionless.client.reporting;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter, for connection failures and server errors: attempt n waits a random
 * time between half and all of {@code min(base * 2^(n-1), cap)}. Immutable.
 */
final class Backoff {
  private final Duration base;
  private final Duration cap;
  private final DoubleSupplier random;

  Backoff(Duration base, Duration cap, DoubleSupplier random) {
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /**
   * Returns how long to wait before attempt {@code attempt + 1}.
   *
   * @param attempt the number of failed attempts so far, from 1
   */
  Duration delay(int attempt) {
    long capMillis = cap.toMillis();
    long exponential = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
    long ceiling = exponential <= 0 || exponential > capMillis ? capMillis : exponential;
    double factor = 0.5 + 0.5 * random.getAsDouble();
    return Duration.ofMillis(Math.max(1, (long) (ceiling * factor)));
  }
}
