package com.exceptionless.benchmarks;

import com.exceptionless.client.reporting.DiscardReason;
import com.exceptionless.client.reporting.ExceptionlessReporter;

/** What the benchmarks' reporters share: the API key, and a reporter whose queue never fills within an iteration. */
final class BenchmarkReporters {
  /** A client API key of the right shape; the loopback sink accepts any. */
  static final String API_KEY = "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0";

  private BenchmarkReporters() {
  }

  static ExceptionlessReporter withRoomyQueue(LoopbackSink sink) {
    return ExceptionlessReporter.builder()
        .serverUrl(sink.url())
        .apiKey(API_KEY)
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
