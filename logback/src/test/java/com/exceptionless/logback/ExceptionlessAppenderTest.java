package com.exceptionless.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ReceivedEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The appender configured from a real logback.xml ({@code logback-exceptionless-test.xml}), on the wire to the
 * stand-in server. Each test ends by stopping Logback, which must flush: the reporter's own interval (10 s) is
 * far longer than the tests wait.
 */
class ExceptionlessAppenderTest {
  private ExceptionlessTestServer server;
  private LoggerContext context;

  @BeforeEach
  void startServer() {
    server = ExceptionlessTestServer.start();
    System.setProperty("exceptionless.test.serverUrl", server.baseUrl());
    System.setProperty("exceptionless.test.apiKey", server.accounts().clientApiKey());
    context = (LoggerContext) LoggerFactory.getILoggerFactory();
  }

  @AfterEach
  void stopServer() {
    context.reset();
    MDC.clear();
    System.clearProperty("exceptionless.test.serverUrl");
    System.clearProperty("exceptionless.test.apiKey");
    System.clearProperty("exceptionless.test.eventLevel");
    server.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anErrorWithACauseChainBecomesAnErrorEventCarryingTheEarlierLinesAsTrace() throws Exception {
    configure("logback-exceptionless-test.xml");
    Logger logger = LoggerFactory.getLogger("com.acme.checkout.Checkout");

    logger.debug("below the breadcrumb level");
    logger.info("Cart {} priced", 7);
    logger.info("Payment started");
    logger.error("Payment failed for order {}", 42,
        new IllegalStateException("card declined", new java.io.IOException("gateway timed out")));
    context.stop();

    List<ReceivedEvent> events = server.receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "error").containsEntry("source", "com.acme.checkout.Checkout")
        .containsEntry("message", "Payment failed for order 42");
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    Map<String, Object> error = (Map<String, Object>) data.get("@error");
    assertThat(error).containsEntry("message", "card declined").containsEntry("type", "java.lang.IllegalStateException");
    assertThat((Map<String, Object>) error.get("inner")).containsEntry("message", "gateway timed out")
        .containsEntry("type", "java.io.IOException");
    assertThat((List<Object>) data.get("@trace")).containsExactly(
        "INFO com.acme.checkout.Checkout: Cart 7 priced", "INFO com.acme.checkout.Checkout: Payment started");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWarnLineBecomesALogEventWithItsLevelMdcAsDataAndMarkersAsTags() throws Exception {
    configure("logback-exceptionless-test.xml");
    Logger logger = LoggerFactory.getLogger("com.acme.orders.Orders");
    Marker billing = MarkerFactory.getDetachedMarker("billing");
    billing.add(MarkerFactory.getDetachedMarker("payments"));

    MDC.put("requestId", "req-17");
    MDC.put("tenant", "acme");
    MDC.put("userPassword", "hunter2");
    logger.warn(billing, "Order {} is slow", 42);
    MDC.clear();
    logger.info("an info line stays a breadcrumb");
    context.stop();

    List<ReceivedEvent> events = server.receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "log").containsEntry("source", "com.acme.orders.Orders")
        .containsEntry("message", "Order 42 is slow");
    assertThat((List<Object>) event.get("tags")).containsExactlyInAnyOrder("billing", "payments");
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    assertThat(data).containsEntry("@level", "Warn").containsEntry("requestId", "req-17").containsEntry("tenant", "acme")
        .doesNotContainKey("userPassword");
  }

  @Test
  void atTraceOnTheRootLoggerOnlyTheApplicationsLinesBecomeEvents() throws Exception {
    System.setProperty("exceptionless.test.eventLevel", "TRACE");
    // The SDK and OkHttp log through java.util.logging: route all of it into Logback, at every level. The
    // stand-in server's JDK HTTP server logs each exchange there too; in production that server is another process,
    // so its logger is silenced here (reported, its lines would be application events of this JVM).
    java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    java.util.logging.Level julLevel = julRoot.getLevel();
    java.util.logging.Logger standInServer = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    standInServer.setLevel(java.util.logging.Level.OFF);
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    julRoot.setLevel(java.util.logging.Level.ALL);
    try {
      configure("logback-exceptionless-test.xml");
      LoggerFactory.getLogger("com.acme.app.Main").trace("one application line");
      LoggerFactory.getLogger("com.acme.app.Main").info("another application line");
      LoggerFactory.getLogger("okhttp3.OkHttpClient").warn("--> POST /api/v2/events");
      LoggerFactory.getLogger("com.exceptionless.client.reporting.BatchSender").error("the SDK's own line");
      java.util.logging.Logger.getLogger("okhttp3.internal.http2.Http2").severe("a transport line through JUL");
      ExceptionlessAppender appender = appender();
      assertThat(appender.getReporter().flush(java.time.Duration.ofSeconds(10))).isTrue();
      Thread.sleep(300); // anything the sender logged about that request has been logged by now
      context.stop();
    } finally {
      SLF4JBridgeHandler.uninstall();
      julRoot.setLevel(julLevel);
      standInServer.setLevel(null);
    }

    assertThat(server.receivedEvents().stream().map(e -> e.json().get("source") + ": " + e.message()).distinct().limit(20)
        .collect(Collectors.toList()))
        .containsExactly("com.acme.app.Main: one application line", "com.acme.app.Main: another application line");
    assertThat(server.receivedEvents().stream().map(ReceivedEvent::message).collect(Collectors.toList()))
        .containsExactly("one application line", "another application line");
  }

  @Test
  void withoutAnApiKeyItReportsAStatusErrorAndStaysStopped() throws Exception {
    assumeTrue(System.getenv("EXCEPTIONLESS_API_KEY") == null, "EXCEPTIONLESS_API_KEY is set in this environment");
    configure("logback-exceptionless-no-key-test.xml");

    LoggerFactory.getLogger("com.acme.app.Main").error("not reported", new IllegalStateException("boom"));

    assertThat(appender().isStarted()).isFalse();
    assertThat(context.getStatusManager().getCopyOfStatusList()).anySatisfy(status -> {
      assertThat(status.getLevel()).isEqualTo(Status.ERROR);
      assertThat(status.getMessage()).contains("Exceptionless appender [EXCEPTIONLESS] cannot start").contains("EXCEPTIONLESS_API_KEY");
    });
    context.stop();
    assertThat(server.receivedEvents()).isEmpty();
  }

  @Test
  void aReporterGivenProgrammaticallyIsFlushedOnStopButNotClosed() {
    try (com.exceptionless.client.reporting.ExceptionlessReporter reporter = com.exceptionless.client.reporting.ExceptionlessReporter
        .builder().serverUrl(server.baseUrl()).apiKey(server.accounts().clientApiKey()).shutdownHook(false).build()) {
      context.reset();
      ExceptionlessAppender appender = new ExceptionlessAppender();
      appender.setContext(context);
      appender.setName("PROGRAMMATIC");
      appender.setReporter(reporter);
      appender.start();
      ch.qos.logback.classic.Logger logger = context.getLogger("com.acme.jobs.Nightly");
      logger.addAppender(appender);

      logger.warn("Job late");
      appender.stop();

      assertThat(server.receivedEvents()).extracting(ReceivedEvent::message).containsExactly("Job late");
      reporter.submitLog("com.acme.jobs.Nightly", "still open", com.exceptionless.client.reporting.LogLevel.INFO);
      assertThat(reporter.flush(java.time.Duration.ofSeconds(10))).isTrue();
      assertThat(server.receivedEvents()).extracting(ReceivedEvent::message).containsExactly("Job late", "still open");
    }
  }

  @Test
  void aContextWithoutAnMdcAdapterStillGetsItsEventsReported() {
    try (com.exceptionless.client.reporting.ExceptionlessReporter reporter = com.exceptionless.client.reporting.ExceptionlessReporter
        .builder().serverUrl(server.baseUrl()).apiKey(server.accounts().clientApiKey()).shutdownHook(false).build()) {
      LoggerContext handMade = new LoggerContext(); // no MDC adapter: Logback's getMDCPropertyMap() throws
      ExceptionlessAppender appender = new ExceptionlessAppender();
      appender.setContext(handMade);
      appender.setName("HAND-MADE");
      appender.setReporter(reporter);
      appender.start();
      ch.qos.logback.classic.Logger logger = handMade.getLogger("com.acme.jobs.Nightly");
      logger.addAppender(appender);

      logger.warn("Job late");
      appender.stop();

      assertThat(server.receivedEvents()).extracting(ReceivedEvent::message).containsExactly("Job late");
    }
  }

  private ExceptionlessAppender appender() {
    Appender<?> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("EXCEPTIONLESS");
    assertThat(appender).isInstanceOf(ExceptionlessAppender.class);
    return (ExceptionlessAppender) appender;
  }

  private void configure(String resource) throws JoranException {
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getClassLoader().getResource(resource));
    context.start();
  }
}
