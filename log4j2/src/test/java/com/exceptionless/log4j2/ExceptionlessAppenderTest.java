package com.exceptionless.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.client.reporting.LogLevel;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ReceivedEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The appender configured from a real log4j2.xml ({@code log4j2-exceptionless-test.xml}), on the wire to the
 * stand-in server. Each test ends by reconfiguring Log4j back to its quiet test configuration, which stops the
 * appender and must flush: the reporter's own interval (10 s) is far longer than the tests wait.
 */
class ExceptionlessAppenderTest {
  private ExceptionlessTestServer server;
  private LoggerContext context;

  @BeforeEach
  void startServer() {
    server = ExceptionlessTestServer.start();
    System.setProperty("exceptionless.test.serverUrl", server.baseUrl());
    System.setProperty("exceptionless.test.apiKey", server.accounts().clientApiKey());
    context = (LoggerContext) LogManager.getContext(false);
  }

  @AfterEach
  void stopServer() throws Exception {
    stopAppender();
    ThreadContext.clearAll();
    System.clearProperty("exceptionless.test.serverUrl");
    System.clearProperty("exceptionless.test.apiKey");
    System.clearProperty("exceptionless.test.eventLevel");
    server.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anErrorWithACauseChainBecomesAnErrorEventCarryingTheEarlierLinesAsTrace() throws Exception {
    configure("log4j2-exceptionless-test.xml");
    Logger logger = LogManager.getLogger("com.acme.checkout.Checkout");

    logger.debug("below the breadcrumb level");
    logger.info("Cart {} priced", 7);
    logger.info("Payment started");
    logger.error("Payment failed for order {}", 42,
        new IllegalStateException("card declined", new java.io.IOException("gateway timed out")));
    stopAppender();

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
  void aWarnLineBecomesALogEventWithItsLevelThreadContextAsDataAndMarkersAsTags() throws Exception {
    configure("log4j2-exceptionless-test.xml");
    Logger logger = LogManager.getLogger("com.acme.orders.Orders");
    Marker billing = MarkerManager.getMarker("billing").setParents(MarkerManager.getMarker("payments"));

    ThreadContext.put("requestId", "req-17");
    ThreadContext.put("tenant", "acme");
    ThreadContext.put("userPassword", "hunter2");
    logger.warn(billing, "Order {} is slow", 42);
    ThreadContext.clearMap();
    logger.info("an info line stays a breadcrumb");
    stopAppender();

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
    // The SDK and OkHttp log through java.util.logging: route all of it into Log4j, at every level. The stand-in
    // server's JDK HTTP server logs each exchange there too; in production that server is another process, so its
    // logger is silenced here (reported, its lines would be application events of this JVM).
    java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
    java.util.logging.Level julLevel = julRoot.getLevel();
    java.util.logging.Handler[] julHandlers = julRoot.getHandlers();
    java.util.logging.Logger standInServer = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    standInServer.setLevel(java.util.logging.Level.OFF);
    Log4jBridgeHandler.install(true, null, false);
    julRoot.setLevel(java.util.logging.Level.ALL);
    try {
      configure("log4j2-exceptionless-test.xml");
      LogManager.getLogger("com.acme.app.Main").trace("one application line");
      LogManager.getLogger("com.acme.app.Main").info("another application line");
      LogManager.getLogger("okhttp3.OkHttpClient").warn("--> POST /api/v2/events");
      LogManager.getLogger("com.exceptionless.client.reporting.BatchSender").error("the SDK's own line");
      java.util.logging.Logger.getLogger("okhttp3.internal.http2.Http2").severe("a transport line through JUL");
      assertThat(appender().getReporter().flush(Duration.ofSeconds(10))).isTrue();
      Thread.sleep(300); // anything the sender logged about that request has been logged by now
      stopAppender();
    } finally {
      for (java.util.logging.Handler handler : julRoot.getHandlers()) {
        julRoot.removeHandler(handler);
      }
      for (java.util.logging.Handler handler : julHandlers) {
        julRoot.addHandler(handler);
      }
      julRoot.setLevel(julLevel);
      standInServer.setLevel(null);
    }

    assertThat(server.receivedEvents().stream().map(e -> e.json().get("source") + ": " + e.message()).distinct().limit(20)
        .collect(Collectors.toList()))
        .containsExactly("com.acme.app.Main: one application line", "com.acme.app.Main: another application line");
  }

  @Test
  void withoutAnApiKeyThereIsNoAppenderAndLoggingGoesOn() throws Exception {
    assumeTrue(System.getenv("EXCEPTIONLESS_API_KEY") == null, "EXCEPTIONLESS_API_KEY is set in this environment");
    configure("log4j2-exceptionless-no-key-test.xml");

    LogManager.getLogger("com.acme.app.Main").error("not reported", new IllegalStateException("boom"));

    assertThat(context.getConfiguration().getAppenders()).doesNotContainKey("Exceptionless");
    stopAppender();
    assertThat(server.receivedEvents()).isEmpty();
  }

  @Test
  void thePluginIsListedInTheGeneratedPluginFile() throws Exception {
    try (java.io.InputStream in = ExceptionlessAppender.class.getClassLoader()
        .getResourceAsStream("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat")) {
      assertThat(in).isNotNull();
      String content = new String(readAll(in), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(content).contains("com.exceptionless.log4j2.ExceptionlessAppender").contains("exceptionless");
    }
  }

  @Test
  void anAppenderGivenAReporterFromCodeFlushesItOnStopAndLeavesItOpenForItsOwner() throws Exception {
    try (ExceptionlessReporter reporter = ExceptionlessReporter.builder().serverUrl(server.baseUrl())
        .apiKey(server.accounts().clientApiKey()).shutdownHook(false).build()) {
      ExceptionlessAppender given = ExceptionlessAppender.newBuilder().setName("coded").setReporter(reporter).build();
      given.start();
      given.append(Log4jLogEvent.newBuilder().setLoggerName("com.acme.Billing").setLevel(Level.ERROR)
          .setMessage(new SimpleMessage("Invoice 9 failed")).setThrown(new IllegalStateException("no tax rate")).build());
      given.stop(5, TimeUnit.SECONDS);

      assertThat(given.getReporter()).isSameAs(reporter);
      assertThat(server.receivedEvents()).extracting(e -> e.json().get("message")).containsExactly("Invoice 9 failed");

      reporter.submitLog("com.acme.Billing", "still open after the appender stopped", LogLevel.INFO);
      assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();
      assertThat(server.receivedEvents()).hasSize(2);
    }
  }

  private ExceptionlessAppender appender() {
    Object appender = context.getConfiguration().getAppenders().get("Exceptionless");
    assertThat(appender).isInstanceOf(ExceptionlessAppender.class);
    return (ExceptionlessAppender) appender;
  }

  private void configure(String resource) throws Exception {
    URI location = getClass().getClassLoader().getResource(resource).toURI();
    context.setConfigLocation(location);
  }

  /** Reconfigures Log4j with its quiet test configuration: the previous configuration and its appenders stop. */
  private void stopAppender() throws Exception {
    configure("log4j2-test.xml");
  }

  private static byte[] readAll(java.io.InputStream in) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    for (int n; (n = in.read(buffer)) > 0; ) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
