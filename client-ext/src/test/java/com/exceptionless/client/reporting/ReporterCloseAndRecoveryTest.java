package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing and flushing keep their bounds whatever the server does, and delivery resumes quickly after an outage. */
class ReporterCloseAndRecoveryTest extends ReporterTestSupport {
  @Test
  void closeReturnsWithinItsTimeoutAgainstAServerThatHangsAndCountsTheBatchInFlightAsClosed() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withFixedDelay(30_000)));
    ExceptionlessReporter reporter = ExceptionlessReporter.builder().client(client(Duration.ofSeconds(60)))
        .shutdownHook(false).build();
    for (int i = 0; i < 120; i++) {
      reporter.submitLog("app", "hang-" + i, LogLevel.INFO);
    }
    reporter.flush(Duration.ofMillis(300));

    long started = System.nanoTime();
    reporter.close(Duration.ofSeconds(2));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(tookMillis).isBetween(1_900L, 2_100L);
    ReporterStats stats = reporter.stats();
    assertThat(stats.pending()).as(stats.toString()).isZero();
    assertThat(stats.discarded(DiscardReason.CLOSED)).isEqualTo(120);
    assertThat(stats.submitted()).isEqualTo(stats.accepted() + stats.discardedTotal() + stats.leftInOutbox());
  }

  @Test
  void closeReturnsWithinItsTimeoutAgainstAServerAnsweringOneByteASecondAndKeepsTheBatchInTheOutbox(@TempDir Path outbox)
      throws Exception {
    try (ServerSocket slow = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> answerOneByteASecond(slow), "one-byte-a-second");
      answering.setDaemon(true);
      answering.start();
      ExceptionlessReporter reporter = ExceptionlessReporter.builder().serverUrl("http://127.0.0.1:" + slow.getLocalPort())
          .apiKey(API_KEY).outboxFolder(outbox).shutdownHook(false).build();
      for (int i = 0; i < 30; i++) {
        reporter.submitLog("app", "dribble-" + i, LogLevel.INFO);
      }
      reporter.flush(Duration.ofMillis(500));

      long started = System.nanoTime();
      reporter.close(Duration.ofSeconds(1));
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(tookMillis).isBetween(900L, 1_100L);
      assertThat(reporter.stats().pending()).isZero();
      assertThat(reporter.stats().leftInOutbox()).isEqualTo(30);
      assertThat(reporter.stats().discardedTotal()).isZero();
    }
  }

  /** Reads each request's head and answers its status line one byte a second (the client's read timeout never fires). */
  private static void answerOneByteASecond(ServerSocket server) {
    byte[] answer = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        in.read(new byte[65536]);
        OutputStream out = socket.getOutputStream();
        for (byte b : answer) {
          out.write(b);
          out.flush();
          Thread.sleep(1_000);
        }
      } catch (IOException | InterruptedException e) {
        // The client gave up, or the test ended.
      }
    }
  }

  @Test
  void closeOnAnInterruptedThreadStillFlushesAndKeepsTheInterrupt() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = reporter().flushInterval(Duration.ofHours(1)).build();
    for (int i = 0; i < 300; i++) {
      reporter.submitLog("app", "interrupted-" + i, LogLevel.INFO);
    }

    Thread.currentThread().interrupt();
    try {
      reporter.close(Duration.ofSeconds(10));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }

    assertThat(reporter.stats().accepted()).isEqualTo(300);
    assertThat(reporter.stats().discarded(DiscardReason.CLOSED)).isZero();
    assertThat(acceptedEvents()).hasSize(300);
  }

  @Test
  void flushOnAnInterruptedThreadStillWaitsAndKeepsTheInterrupt() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withFixedDelay(100)));
    ExceptionlessReporter reporter = started(reporter().flushInterval(Duration.ofHours(1)));
    reporter.submitLog("app", "one", LogLevel.INFO);

    Thread.currentThread().interrupt();
    boolean flushed;
    try {
      flushed = reporter.flush(Duration.ofSeconds(10));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }

    assertThat(flushed).isTrue();
    assertThat(reporter.stats().accepted()).isEqualTo(1);
  }

  @Test
  void flushTriesAtOnceInsteadOfWaitingOutTheBackoff() throws Exception {
    server.stubFor(post("/api/v2/events").inScenario("outage").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
    server.stubFor(post("/api/v2/events").inScenario("outage").whenScenarioStateIs("back")
        .willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(ExceptionlessReporter.builder().client(client(Duration.ofSeconds(5)))
        .shutdownHook(false).retryDelays(Duration.ofSeconds(30), Duration.ofSeconds(30), () -> 0.5));
    reporter.submitLog("app", "after-outage", LogLevel.INFO);
    reporter.flush(Duration.ofMillis(500));
    assertThat(server.getAllServeEvents()).hasSize(1);

    long started = System.nanoTime();
    assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("after-outage");
  }

  @Test
  void deliveryResumesWithinTheBackoffCapAfterTheServerComesBack() throws Exception {
    int port = server.port();
    com.exceptionless.client.ExceptionlessClient client = client(Duration.ofSeconds(5));
    server.stop();
    ExceptionlessReporter reporter = started(ExceptionlessReporter.builder().client(client)
        .shutdownHook(false).flushInterval(Duration.ofMillis(100))
        .retryDelays(Duration.ofMillis(100), Duration.ofMillis(800), () -> 1.0));
    reporter.submitLog("app", "during-outage", LogLevel.INFO);
    Thread.sleep(4_000);

    WireMockServer back = new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1"));
    back.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    back.start();
    try {
      long cameBack = System.nanoTime();
      while (back.getAllServeEvents().isEmpty() && System.nanoTime() - cameBack < TimeUnit.SECONDS.toNanos(5)) {
        Thread.sleep(10);
      }
      long firstPostMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cameBack);
      assertThat(firstPostMillis).as("the cap is 800 ms, however long the outage").isLessThan(1_300);
      assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(reporter.stats().accepted()).isEqualTo(1);
    } finally {
      back.stop();
      server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
    }
  }

  @Test
  void theDefaultBackoffCapForConnectionFailuresAndServerErrorsIsThirtySeconds() {
    ReporterBuilder defaults = ExceptionlessReporter.builder();
    Backoff backoff = new Backoff(defaults.retryBaseDelay, defaults.retryMaxDelay, () -> 1.0);

    assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
    assertThat(ReporterSettings.MAX_RETRY_AFTER).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void eachConfigVersionIsFetchedOnceWhateverTheAnswer() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withHeader("X-Exceptionless-ConfigVersion", "7")));
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/config")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{not json")));
    ExceptionlessReporter reporter = started(reporter().batchSize(1));

    for (int i = 0; i < 5; i++) {
      reporter.submitLog("app", "config-" + i, LogLevel.INFO);
      assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();
    }

    server.verify(5, postRequestedFor(urlEqualTo("/api/v2/events")));
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/projects/config")));
  }

  @Test
  void aConfigAnswerOfNotModifiedIsNotAskedAgainForTheSameVersion() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withHeader("X-Exceptionless-ConfigVersion", "2")));
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/config")).willReturn(aResponse().withStatus(304)));
    ExceptionlessReporter reporter = started(reporter().batchSize(1));

    for (int i = 0; i < 4; i++) {
      reporter.submitLog("app", "not-modified-" + i, LogLevel.INFO);
      assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();
    }

    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/projects/config")));
  }
}
