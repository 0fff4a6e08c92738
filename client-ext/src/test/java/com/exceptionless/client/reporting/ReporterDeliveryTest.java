package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterDeliveryTest extends ReporterTestSupport {
  @Test
  void sendsFullBatchesAndTheRestOnFlush() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter().batchSize(50).flushInterval(Duration.ofHours(1)));

    for (int i = 0; i < 120; i++) {
      reporter.submitLog("app", "event-" + i, LogLevel.INFO);
    }

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(server.getAllServeEvents()).hasSize(3);
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).hasSize(120).doesNotHaveDuplicates();
    assertThat(reporter.stats().accepted()).isEqualTo(120);
    assertThat(reporter.stats().pending()).isZero();
    server.verify(postRequestedFor(urlEqualTo("/api/v2/events"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("User-Agent", equalTo(client(Duration.ofSeconds(1)).userAgent())));
  }

  @Test
  void compressesBatchesLargerThanFourKilobytes() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter());

    for (int i = 0; i < 50; i++) {
      reporter.submitLog("app", "a message long enough to need more than four kilobytes in a batch " + i, LogLevel.INFO);
    }

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    server.verify(postRequestedFor(urlEqualTo("/api/v2/events")).withHeader("Content-Encoding", equalTo("gzip")));
    assertThat(acceptedEvents()).hasSize(50);
  }

  @Test
  void deliversEveryEventExactlyOnceThroughResetsEmptyAnswersTimeoutsAndServerErrors() throws Exception {
    List<com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> faults = new java.util.ArrayList<>();
    faults.add(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    faults.add(aResponse().withFault(Fault.EMPTY_RESPONSE));
    faults.add(aResponse().withStatus(503).withFixedDelay(1500));
    for (int i = 0; i < 3; i++) {
      faults.add(aResponse().withStatus(500));
    }
    for (int i = 0; i < 3; i++) {
      faults.add(aResponse().withStatus(503).withHeader("Retry-After", "0"));
    }
    for (int i = 0; i < 3; i++) {
      faults.add(aResponse().withStatus(429));
    }
    for (int i = 0; i < faults.size(); i++) {
      server.stubFor(post("/api/v2/events").inScenario("faults").whenScenarioStateIs(i == 0 ? STARTED : "fault-" + i)
          .willReturn(faults.get(i)).willSetStateTo("fault-" + (i + 1)));
    }
    server.stubFor(post("/api/v2/events").inScenario("faults").whenScenarioStateIs("fault-" + faults.size())
        .willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(ExceptionlessReporter.builder().client(client(Duration.ofMillis(300)))
        .shutdownHook(false).retryDelays(Duration.ofMillis(2), Duration.ofMillis(20), () -> 0.5).batchSize(25));

    int submitted = 200;
    for (int i = 0; i < submitted; i++) {
      reporter.submitLog("app", "event-" + i, LogLevel.INFO);
    }

    assertThat(reporter.flush(Duration.ofSeconds(20))).as(reporter.stats().toString()).isTrue();
    List<Object> messages = acceptedEvents().stream().map(e -> e.get("message")).collect(Collectors.toList());
    assertThat(messages).hasSize(submitted);
    assertThat(new HashSet<>(messages)).hasSize(submitted);
    assertThat(reporter.stats().accepted()).isEqualTo(submitted);
    assertThat(reporter.stats().discardedTotal()).isZero();
    assertThat(server.getAllServeEvents().size()).isEqualTo(faults.size() + submitted / 25);
  }

  @Test
  void discardsRejectedBatchesAndCountsThem() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":400,\"title\":\"No project id specified\"}")));
    ExceptionlessReporter reporter = started(reporter());

    reporter.submitLog("app", "one", LogLevel.INFO);
    reporter.submitLog("app", "two", LogLevel.INFO);

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(reporter.stats().discarded(DiscardReason.REJECTED)).isEqualTo(2);
    assertThat(reporter.stats().accepted()).isZero();
  }

  @Test
  void pausesAfterUnauthorizedAndKeepsLaterEventsQueued() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(401)));
    ExceptionlessReporter reporter = started(reporter());

    reporter.submitLog("app", "one", LogLevel.INFO);
    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    reporter.submitLog("app", "two", LogLevel.INFO);

    assertThat(reporter.flush(Duration.ofMillis(300))).as("paused for 15 minutes").isFalse();
    assertThat(reporter.stats().discarded(DiscardReason.UNAUTHORIZED)).isEqualTo(1);
    assertThat(reporter.stats().pending()).isEqualTo(1);
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void paymentRequiredDiscardsTheBatchAndRefusesNewEventsWhilePaused() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(402)));
    ExceptionlessReporter reporter = started(reporter().batchSize(2));

    reporter.submitLog("app", "one", LogLevel.INFO);
    reporter.submitLog("app", "two", LogLevel.INFO);
    reporter.flush(Duration.ofSeconds(10));
    reporter.submitLog("app", "three", LogLevel.INFO);

    assertThat(reporter.stats().discarded(DiscardReason.PLAN_LIMIT)).isEqualTo(3);
    assertThat(reporter.stats().pending()).isZero();
  }

  @Test
  void splitsBatchesTheServerFindsTooLarge() throws Exception {
    server.stubFor(post("/api/v2/events").withRequestBody(matchingJsonPath("$[1]"))
        .willReturn(aResponse().withStatus(413)));
    server.stubFor(post("/api/v2/events").withRequestBody(matchingJsonPath("$[?(@.message == 'huge')]"))
        .willReturn(aResponse().withStatus(413)));
    server.stubFor(post("/api/v2/events").atPriority(10).willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter().batchSize(4));

    for (String message : new String[] {"a", "b", "huge", "d"}) {
      reporter.submitLog("app", message, LogLevel.INFO);
    }

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("a", "b", "d");
    assertThat(reporter.stats().discarded(DiscardReason.TOO_LARGE)).isEqualTo(1);
  }

  @Test
  void anEventPastTheSizeLimitIsDiscardedAloneAndCountedAndTheOthersAreSent() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    char[] attachment = new char[EventWriter.MAX_EVENT_BYTES];
    java.util.Arrays.fill(attachment, 'x');
    String huge = new String(attachment);
    ExceptionlessReporter reporter = started(reporter().plugin("attachment", context -> {
      if ("big".equals(context.event().getMessage())) {
        context.data().put("attachment", huge);
      }
    }));

    for (String message : new String[] {"before", "big", "after"}) {
      reporter.submitLog("app", message, LogLevel.INFO);
    }

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("before", "after");
    assertThat(reporter.stats().discarded(DiscardReason.TOO_LARGE)).isEqualTo(1);
    assertThat(reporter.stats().accepted()).isEqualTo(2);
    assertThat(reporter.stats().pending()).isZero();
  }

  @Test
  void aBurstOfOneHundredThousandSubmitsNeitherBlocksNorGrowsPastTheQueueBound() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withFixedDelay(200)));
    int capacity = 1_000;
    ExceptionlessReporter reporter = started(reporter().queueCapacity(capacity).batchSize(50));

    for (int i = 0; i < 100_000; i++) {
      reporter.submitLog("burst", "event", LogLevel.INFO);
      assertThat(reporter.stats().pending()).as("the queue and the events written for the sender, each bounded")
          .isLessThanOrEqualTo(2L * capacity + 50);
    }

    ReporterStats stats = reporter.stats();
    assertThat(stats.submitted()).isEqualTo(100_000);
    assertThat(stats.discarded(DiscardReason.QUEUE_FULL)).isGreaterThan(90_000);
    assertThat(stats.accepted() + stats.pending() + stats.discardedTotal()).isEqualTo(100_000);
  }

  @Test
  void refreshesServerSettingsWhenTheConfigVersionGrowsAndAppliesThem() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withHeader("X-Exceptionless-ConfigVersion", "3")));
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/config")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"version\":3,\"settings\":{\"@@log:*\":\"Warn\",\"@@DataExclusions\":\"*password*\"}}")));
    ExceptionlessReporter reporter = started(reporter());

    reporter.submitLog("app", "first", LogLevel.INFO);
    reporter.flush(Duration.ofSeconds(10));
    reporter.submitLog("app", "quiet", LogLevel.INFO);
    reporter.createLog("app", "loud", LogLevel.ERROR).data("userPassword", "hunter2").data("order", 42).submit();
    reporter.flush(Duration.ofSeconds(10));

    assertThat(reporter.serverConfiguration()).map(c -> c.getVersion()).hasValue(3);
    assertThat(reporter.stats().discarded(DiscardReason.EXCLUDED_BY_SETTINGS)).isEqualTo(1);
    List<Map<String, Object>> accepted = acceptedEvents();
    assertThat(accepted).extracting(e -> e.get("message")).containsExactly("first", "loud");
    assertThat(accepted.get(1).get("data").toString()).contains("order").doesNotContain("hunter2");
  }

  @Test
  void persistedEventsSurviveARestartAndAreResent(@TempDir Path outbox) throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(503)));
    ExceptionlessReporter first = ExceptionlessReporter.builder().client(client(Duration.ofSeconds(5))).shutdownHook(false)
        .retryDelays(Duration.ofSeconds(30), Duration.ofSeconds(30), () -> 0.5).outboxFolder(outbox).build();
    first.submitLog("app", "kept-1", LogLevel.INFO);
    first.submitLog("app", "kept-2", LogLevel.INFO);
    first.flush(Duration.ofMillis(500));
    first.close(Duration.ofMillis(200));
    assertThat(first.stats().discarded(DiscardReason.CLOSED)).isZero();
    assertThat(first.stats().leftInOutbox()).isEqualTo(2);
    assertThat(first.stats().pending()).isZero();
    try (java.util.stream.Stream<Path> files = Files.list(outbox)) {
      assertThat(files.filter(f -> f.toString().endsWith(".events")).count()).isEqualTo(1);
    }

    server.resetAll();
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter second = started(reporter().outboxFolder(outbox));

    assertThat(second.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("kept-1", "kept-2");
    assertThat(second.stats().restored()).isEqualTo(2);
    assertThat(second.stats().submitted()).isEqualTo(2);
    assertThat(second.stats().accepted()).isEqualTo(2);
    try (java.util.stream.Stream<Path> files = Files.list(outbox)) {
      assertThat(files.filter(f -> f.toString().endsWith(".events")).count()).isZero();
    }
  }

  @Test
  void closingWithoutAnOutboxCountsWhatWasLeftAndLaterSubmitsAsClosed() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(503)));
    ExceptionlessReporter reporter = ExceptionlessReporter.builder().client(client(Duration.ofSeconds(5))).shutdownHook(false)
        .retryDelays(Duration.ofSeconds(30), Duration.ofSeconds(30), () -> 0.5).build();

    reporter.submitLog("app", "left", LogLevel.INFO);
    reporter.flush(Duration.ofMillis(300));
    reporter.close(Duration.ofMillis(200));
    reporter.submitLog("app", "late", LogLevel.INFO);

    assertThat(reporter.stats().discarded(DiscardReason.CLOSED)).isEqualTo(2);
    assertThat(reporter.stats().pending()).isZero();
  }

  @Test
  void theWriterAndSenderThreadsAreDaemons() {
    ExceptionlessReporter reporter = started(reporter());

    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("exceptionless-reporter-"))
        .extracting(Thread::getName).contains("exceptionless-reporter-writer", "exceptionless-reporter-sender");
    assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("exceptionless-reporter-"))
        .allMatch(Thread::isDaemon);
    assertThat(reporter.stats().submitted()).isZero();
  }
}
