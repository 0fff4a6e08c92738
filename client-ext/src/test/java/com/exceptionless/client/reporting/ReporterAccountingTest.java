package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.model.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One bad event never hurts another, and every event is accounted for: submitted = accepted + discarded (by
 * reason) + pending + left in the outbox, in every snapshot, after close and across a restart.
 */
class ReporterAccountingTest extends ReporterTestSupport {
  @TempDir
  Path outbox;

  @ParameterizedTest(name = "with an outbox: {0}")
  @ValueSource(booleans = {false, true})
  void anEventThatCannotBeWrittenAsJsonIsDiscardedAloneAndTheRestOfItsBatchIsSent(boolean withOutbox) throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ReporterBuilder builder = reporter().flushInterval(Duration.ofHours(1));
    ExceptionlessReporter reporter = started(withOutbox ? builder.outboxFolder(outbox) : builder);

    for (int i = 0; i < 5; i++) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("ratio", i == 2 ? Double.NaN : (Object) (i * 0.5));
      reporter.enqueue(new QueuedEvent(Event.builder().type("log").message("poison-" + i).date(OffsetDateTime.now())
          .data(data).build(), null));
    }

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(acceptedEvents()).extracting(e -> e.get("message"))
        .containsExactly("poison-0", "poison-1", "poison-3", "poison-4");
    ReporterStats stats = reporter.stats();
    assertThat(stats.submitted()).isEqualTo(5);
    assertThat(stats.accepted()).isEqualTo(4);
    assertThat(stats.discarded(DiscardReason.UNSERIALIZABLE)).isEqualTo(1);
    assertThat(stats.pending()).isZero();
  }

  @Test
  void anEventDatedOutsideTheAcceptanceWindowIsCountedAsExpiredAndNotSent() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter());

    reporter.enqueue(new QueuedEvent(Event.builder().type("log").message("old").date(OffsetDateTime.now().minusDays(4)).build(), null));
    reporter.enqueue(new QueuedEvent(Event.builder().type("log").message("new").date(OffsetDateTime.now()).build(), null));

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("new");
    assertThat(reporter.stats().discarded(DiscardReason.EXPIRED)).isEqualTo(1);
  }

  @ParameterizedTest(name = "with an outbox: {0}")
  @ValueSource(booleans = {false, true})
  void everySnapshotAddsUpWhileManyThreadsSubmitAndAfterClose(boolean withOutbox) throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withFixedDelay(5)));
    ReporterBuilder builder = reporter().queueCapacity(2_000);
    ExceptionlessReporter reporter = withOutbox ? builder.outboxFolder(outbox).build() : builder.build();
    int threads = 4;
    int each = 5_000;
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(() -> {
        for (int i = 0; i < each; i++) {
          reporter.submitLog("accounting", thread + "-" + i, LogLevel.INFO);
        }
        done.countDown();
      }).start();
    }
    List<ReporterStats> snapshots = new ArrayList<>();
    while (done.getCount() > 0) {
      snapshots.add(reporter.stats());
    }
    reporter.close(Duration.ofSeconds(2));

    for (ReporterStats stats : snapshots) {
      assertThat(stats.pending()).isNotNegative();
      assertThat(stats.submitted()).isEqualTo(stats.accepted() + stats.discardedTotal() + stats.pending() + stats.leftInOutbox());
    }
    ReporterStats closed = reporter.stats();
    assertThat(closed.submitted()).isEqualTo(threads * each);
    assertThat(closed.pending()).as(closed.toString()).isZero();
    assertThat(closed.accepted() + closed.discardedTotal() + closed.leftInOutbox()).isEqualTo(threads * each);
    assertThat((long) acceptedEvents().size()).as("the server may also have taken the batch whose call close cancelled")
        .isBetween(closed.accepted(), closed.accepted() + 50);
    if (withOutbox) {
      assertThat(closed.discarded(DiscardReason.QUEUE_FULL)).isZero();
    }
  }

  @Test
  void theIdentityHoldsAcrossARestart() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(503)));
    ExceptionlessReporter first = ExceptionlessReporter.builder().client(client(Duration.ofSeconds(5))).shutdownHook(false)
        .retryDelays(Duration.ofSeconds(30), Duration.ofSeconds(30), () -> 0.5).outboxFolder(outbox).build();
    for (int i = 0; i < 120; i++) {
      first.submitLog("app", "restart-" + i, LogLevel.INFO);
    }
    first.flush(Duration.ofMillis(500));
    first.close(Duration.ofMillis(300));
    assertThat(first.stats().leftInOutbox()).isEqualTo(120);
    assertThat(first.stats().pending()).isZero();

    server.resetAll();
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter second = started(reporter().outboxFolder(outbox).resendDelay(Duration.ZERO));
    assertThat(second.flush(Duration.ofSeconds(10))).isTrue();

    ReporterStats stats = second.stats();
    assertThat(stats.submitted()).isEqualTo(120);
    assertThat(stats.restored()).isEqualTo(120);
    assertThat(stats.accepted()).isEqualTo(120);
    assertThat(stats.pending()).isZero();
    assertThat(acceptedEvents()).hasSize(120);
  }

  @Test
  void nothingSubmittedAfterCloseIsLeftPending() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = reporter().build();
    AtomicBoolean stop = new AtomicBoolean();
    Thread submitter = new Thread(() -> {
      while (!stop.get()) {
        reporter.submitLog("app", "racing", LogLevel.INFO);
      }
    });
    submitter.start();
    reporter.close(Duration.ofMillis(500));
    stop.set(true);
    try {
      submitter.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }

    assertThat(reporter.stats().pending()).as(reporter.stats().toString()).isZero();
    assertThat(Collections.singleton(reporter.stats().submitted()))
        .containsExactly(reporter.stats().accepted() + reporter.stats().discardedTotal());
  }
}
