package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UncaughtExceptionReporterTest extends ReporterTestSupport {
  private Thread.UncaughtExceptionHandler saved;
  private final AtomicInteger originalCalls = new AtomicInteger();
  private final Thread.UncaughtExceptionHandler original = (thread, error) -> originalCalls.incrementAndGet();

  @BeforeEach
  void installOriginal() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    saved = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(original);
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(saved);
  }

  @Test
  void threeReportersClosedInEveryOrderLeaveTheOriginalHandlerAndTheOpenOnesReporting() {
    for (int[] order : permutations()) {
      List<ExceptionlessReporter> open = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        open.add(started(reporter().captureUncaughtExceptions(true).duplicateWindow(Duration.ZERO)));
      }
      List<ExceptionlessReporter> all = new ArrayList<>(open);
      String what = "order " + Arrays.toString(order);
      assertEachOpenReporterReports(all, open, what + " before closing");
      for (int index : order) {
        ExceptionlessReporter closing = all.get(index);
        closing.close(Duration.ofSeconds(1));
        open.remove(closing);
        assertEachOpenReporterReports(all, open, what + " after closing " + index);
      }
      assertThat(Thread.getDefaultUncaughtExceptionHandler()).as("order " + Arrays.toString(order)).isSameAs(original);
    }
  }

  @Test
  void aHandlerInstalledByOthersOnTopKeepsWorkingThroughAClosedReportersPassThrough() {
    ExceptionlessReporter reporter = started(reporter().captureUncaughtExceptions(true));
    AtomicInteger otherCalls = new AtomicInteger();
    Thread.UncaughtExceptionHandler below = Thread.getDefaultUncaughtExceptionHandler();
    Thread.UncaughtExceptionHandler other = (thread, error) -> {
      otherCalls.incrementAndGet();
      below.uncaughtException(thread, error);
    };
    Thread.setDefaultUncaughtExceptionHandler(other);

    reporter.close(Duration.ofSeconds(1));
    other.uncaughtException(Thread.currentThread(), new IllegalStateException("uncaught"));

    assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(other);
    assertThat(otherCalls).hasValue(1);
    assertThat(originalCalls).hasValue(1);
    assertThat(reporter.stats().submitted()).isZero();
  }

  private void assertEachOpenReporterReports(List<ExceptionlessReporter> all, List<ExceptionlessReporter> open, String what) {
    int callsBefore = originalCalls.get();
    long[] submittedBefore = submitted(all);

    Thread.getDefaultUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), new IllegalStateException("uncaught"));

    assertThat(originalCalls.get()).as(what + ": the original handler runs once").isEqualTo(callsBefore + 1);
    long[] submittedAfter = submitted(all);
    for (int i = 0; i < all.size(); i++) {
      boolean isOpen = open.contains(all.get(i));
      assertThat(submittedAfter[i] - submittedBefore[i]).as(what + ": reporter " + i + (isOpen ? " (open) reports" : " (closed) does not"))
          .isEqualTo(isOpen ? 1 : 0);
    }
  }

  private static long[] submitted(List<ExceptionlessReporter> reporters) {
    long[] counts = new long[reporters.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = reporters.get(i).stats().submitted();
    }
    return counts;
  }

  private static List<int[]> permutations() {
    return Arrays.asList(new int[] {0, 1, 2}, new int[] {0, 2, 1}, new int[] {1, 0, 2}, new int[] {1, 2, 0},
        new int[] {2, 0, 1}, new int[] {2, 1, 0});
  }
}
