package com.exceptionless.benchmarks;

import com.exceptionless.client.reporting.DiscardReason;
import com.exceptionless.client.reporting.ExceptionlessReporter;

/** The reporter the appender benchmarks give their appender: a queue that never fills within an iteration. */
final class AppenderReporters {
  private AppenderReporters() {
  }

  static ExceptionlessReporter withRoomyQueue(LoopbackSink sink) {
    return ExceptionlessReporter.builder()
        .serverUrl(sink.url())
        .apiKey("LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0")
        .queueCapacity(8_000_000)
        .shutdownHook(false)
        .build();
  }

  /** Fails the iteration if an event was dropped for a full queue: the benchmark would have measured the drop path. */
  static void requireNothingDropped(ExceptionlessReporter reporter) {
    if (reporter.stats().discarded(DiscardReason.QUEUE_FULL) > 0) {
      throw new IllegalStateException("The queue filled up: the benchmark measured the drop path");
    }
  }
}
