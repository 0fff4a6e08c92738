package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ExceptionlessLogHandlerTest extends ReporterTestSupport {
  @Test
  @SuppressWarnings("unchecked")
  void reportsRecordsAtOrAboveItsLevelAndIgnoresTheSdksOwnLoggers() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter());
    Logger logger = Logger.getLogger("com.acme.checkout");
    logger.setUseParentHandlers(false);
    ExceptionlessLogHandler handler = new ExceptionlessLogHandler(reporter, Level.WARNING);
    logger.addHandler(handler);
    Logger sdk = Logger.getLogger("com.exceptionless.client.reporting.test");
    sdk.setUseParentHandlers(false);
    sdk.addHandler(handler);
    try {
      logger.info("not reported");
      logger.log(Level.WARNING, "Order {0} is slow", 42);
      logger.log(Level.SEVERE, "Payment failed", new IllegalStateException("card declined"));
      sdk.warning("the SDK's own line");
      reporter.flush(Duration.ofSeconds(10));
    } finally {
      logger.removeHandler(handler);
      sdk.removeHandler(handler);
    }

    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).extracting(e -> e.get("type")).containsExactly("log", "error");
    assertThat(events.get(0)).containsEntry("source", "com.acme.checkout").containsEntry("message", "Order 42 is slow");
    assertThat((Map<String, Object>) events.get(0).get("data")).containsEntry("@level", "Warn");
    assertThat(events.get(1)).containsEntry("message", "Payment failed").containsEntry("source", "com.acme.checkout");
    assertThat((Map<String, Object>) ((Map<String, Object>) events.get(1).get("data")).get("@error"))
        .containsEntry("message", "card declined");
  }

  @Test
  @SuppressWarnings("unchecked")
  void linesBelowTheEventLevelBecomeBreadcrumbsThatTheNextErrorCarriesAsTrace() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter());
    Logger logger = Logger.getLogger("com.acme.orders");
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    ExceptionlessLogHandler handler = new ExceptionlessLogHandler(reporter, Level.WARNING, Level.INFO);
    logger.addHandler(handler);
    try {
      logger.fine("below the breadcrumb level");
      logger.log(Level.INFO, "Cart {0} priced", 7);
      logger.info("Payment started");
      logger.log(Level.SEVERE, "Payment failed", new IllegalStateException("card declined"));
      reporter.flush(Duration.ofSeconds(10));
    } finally {
      logger.removeHandler(handler);
    }

    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).extracting(e -> e.get("type")).containsExactly("error");
    assertThat((List<Object>) ((Map<String, Object>) events.get(0).get("data")).get("@trace"))
        .containsExactly("INFO com.acme.orders: Cart 7 priced", "INFO com.acme.orders: Payment started");
  }

  @Test
  void atAllOnTheRootLoggerItIgnoresTheTransportAndTheReportersOwnThreads() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter());
    ExceptionlessLogHandler handler = new ExceptionlessLogHandler(reporter, Level.ALL);

    for (String transport : new String[] {"okhttp3.OkHttpClient", "okhttp3.internal.http2.Http2", "okio.Okio", "retrofit2.Retrofit",
        "com.squareup.moshi.Moshi", "com.exceptionless.client.reporting"}) {
      handler.publish(record(Level.FINE, transport, "--> POST /api/v2/events"));
    }
    Thread reporterThread = new Thread(() -> handler.publish(record(Level.SEVERE, "com.acme.app", "on the sender")),
        "exceptionless-reporter-sender");
    reporterThread.start();
    reporterThread.join();
    handler.publish(record(Level.FINE, "com.acme.app", "an application line"));
    reporter.flush(Duration.ofSeconds(10));

    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).extracting(e -> e.get("message")).containsExactly("an application line");
    assertThat(reporter.stats().submitted()).isEqualTo(1);
  }

  @Test
  void attachedToTheRootLoggerAtAllOneApplicationLineIsOneEvent() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter reporter = started(reporter());
    Logger root = Logger.getLogger("");
    Level rootLevel = root.getLevel();
    Logger okhttp = Logger.getLogger("okhttp3.OkHttpClient");
    ExceptionlessLogHandler handler = new ExceptionlessLogHandler(reporter, Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.ALL);
    okhttp.setLevel(Level.ALL);
    try {
      Logger.getLogger("com.acme.checkout").fine("one application line");
      reporter.flush(Duration.ofSeconds(10));
      Thread.sleep(200);
      reporter.flush(Duration.ofSeconds(10));
    } finally {
      root.removeHandler(handler);
      root.setLevel(rootLevel);
      okhttp.setLevel(null);
    }

    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("one application line");
  }

  @Test
  void recordsLoggedWhileAThreadIsReportingAreIgnored() {
    assertThat(ReportingLoopGuard.ignores("com.acme.app")).isFalse();
    assertThat(ReportingLoopGuard.ignores(null)).isFalse();
    assertThat(ReportingLoopGuard.enter()).isTrue();
    try {
      assertThat(ReportingLoopGuard.ignores("com.acme.app")).isTrue();
      assertThat(ReportingLoopGuard.enter()).isFalse();
    } finally {
      ReportingLoopGuard.exit();
    }
    assertThat(ReportingLoopGuard.ignores("com.acme.app")).isFalse();
  }

  private static LogRecord record(Level level, String logger, String message) {
    LogRecord record = new LogRecord(level, message);
    record.setLoggerName(logger);
    return record;
  }
}
