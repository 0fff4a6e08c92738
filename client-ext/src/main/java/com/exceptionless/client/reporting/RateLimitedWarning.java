package com.exceptionless.client.reporting;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A warning logged at most once a minute, however often its condition recurs. Thread-safe. */
final class RateLimitedWarning {
  private static final long EVERY_NANOS = 60_000_000_000L;

  private final Logger logger;
  private final AtomicLong lastNanos = new AtomicLong(System.nanoTime() - EVERY_NANOS);

  RateLimitedWarning(Logger logger) {
    this.logger = logger;
  }

  /** Logs the message (and cause, if any) unless this warning was logged less than a minute ago. */
  void log(String message, Throwable cause) {
    long now = System.nanoTime();
    long last = lastNanos.get();
    if (now - last >= EVERY_NANOS && lastNanos.compareAndSet(last, now) && logger.isLoggable(Level.WARNING)) {
      logger.log(Level.WARNING, message, cause);
    }
  }
}
