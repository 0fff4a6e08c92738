package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReporterEventsTest extends ReporterTestSupport {
  @BeforeEach
  void acceptEverything() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachEventTypeGoesOnTheWireAsTheServerExpects() throws Exception {
    ExceptionlessReporter reporter = started(reporter().version("2.1.0").defaultTags("web"));

    reporter.createFeatureUsage("export-csv").value(3).submit();
    reporter.createNotFound("/favicon.ico").submit();
    reporter.createSessionStart("session-0001").user("ada@example.com", "Ada").submit();
    reporter.createSessionEnd("session-0001").submit();
    reporter.createLog("checkout", "slow", LogLevel.WARN).critical().geo(51.5, -0.12)
        .manualStackingKey("Slow checkouts", "checkout-slow").referenceId("order-0042").submit();
    reporter.flush(Duration.ofSeconds(10));

    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).extracting(e -> e.get("type")).containsExactly("usage", "404", "session", "sessionend", "log");
    assertThat(events.get(0)).containsEntry("source", "export-csv").containsEntry("value", 3.0);
    assertThat(events.get(2)).containsEntry("reference_id", "session-0001");
    assertThat(data(events.get(2))).containsEntry("@user", map("identity", "ada@example.com", "name", "Ada"));
    assertThat(data(events.get(3))).containsEntry("@ref:session", "session-0001");
    Map<String, Object> log = events.get(4);
    assertThat(log).containsEntry("geo", "51.5,-0.12").containsEntry("reference_id", "order-0042");
    assertThat((List<Object>) log.get("tags")).containsExactly("web", "Critical");
    assertThat(data(log)).containsEntry("@level", "Warn").containsEntry("@version", "2.1.0")
        .containsEntry("@stack", map("title", "Slow checkouts", "signature_data", map("ManualStackingKey", "checkout-slow")));
    assertThat(log.get("date").toString()).matches("\\d{4}-\\d\\d-\\d\\dT.*([+-]\\d\\d:\\d\\d|Z)");
  }

  @Test
  void theRequestAnEventHappenedInArrivesAsRequestWithTheDataExclusionsAppliedToItsNames() throws Exception {
    ExceptionlessReporter reporter = started(reporter().dataExclusions("*password*"));
    Map<String, Object> request = new java.util.LinkedHashMap<>();
    request.put("http_method", "POST");
    request.put("path", "/orders");
    request.put("port", 8080);
    request.put("headers", map("Accept", java.util.Arrays.asList("application/json"), "X-Password", java.util.Arrays.asList("hunter2")));
    request.put("query_string", map("page", "2", "password", "hunter2"));

    reporter.createException(new IllegalStateException("boom")).request(request).submit();
    reporter.createNotFound("/missing").request(map("path", "/missing")).request(null).submit();
    request.put("path", "/changed-after-submit");
    reporter.flush(Duration.ofSeconds(10));

    List<Map<String, Object>> events = acceptedEvents();
    Map<String, Object> sent = map(data(events.get(0)).get("@request"));
    assertThat(sent).containsEntry("http_method", "POST").containsEntry("path", "/orders").containsEntry("port", 8080L)
        .containsEntry("headers", map("Accept", java.util.Arrays.asList("application/json")))
        .containsEntry("query_string", map("page", "2"));
    assertThat(events.get(1)).containsEntry("type", "404");
    assertThat(String.valueOf(events.get(1).get("data"))).doesNotContain("@request");
  }

  @Test
  void anErrorEventCarriesItsErrorEnvironmentAndMessage() throws Exception {
    ExceptionlessReporter reporter = started(reporter().includePersonalData(false));

    reporter.createException(ErrorConverterTest.threeLevels()).data("order", 42).submit();
    reporter.flush(Duration.ofSeconds(10));

    Map<String, Object> event = acceptedEvents().get(0);
    assertThat(event).containsEntry("type", "error").containsEntry("message", "Order 42 could not be placed");
    Map<String, Object> error = map(data(event).get("@error"));
    assertThat(error).containsEntry("type", "java.lang.IllegalStateException").containsKeys("stack_trace", "inner", "modules");
    Map<String, Object> environment = map(data(event).get("@environment"));
    assertThat(environment).containsKeys("processor_count", "o_s_name", "runtime_version", "process_id", "thread_name")
        .doesNotContainKeys("machine_name", "command_line");
    assertThat(data(event)).containsEntry("order", 42L);
  }

  @Test
  void userDescriptionsAndSessionHeartbeatsAreSentFromTheWorker() throws Exception {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
        .atPriority(10).willReturn(aResponse().withStatus(202)));
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v2/events/session/heartbeat"))
        .willReturn(aResponse().withStatus(200)));
    ExceptionlessReporter reporter = started(reporter().heartbeatIntervalForTests(Duration.ofMillis(50)));

    reporter.startSession("session-0042");
    reporter.submitUserDescription("order-0042", "ada@example.com", "It broke when I paid");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v2/events/session/heartbeat?id=session-0042&close=false"))).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    reporter.endSession("session-0042");
    reporter.flush(Duration.ofSeconds(10));
    deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v2/events/session/heartbeat?id=session-0042&close=true"))).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v2/events/by-ref/order-0042/user-description"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
            "{\"email_address\":\"ada@example.com\",\"description\":\"It broke when I paid\"}")));
    server.verify(com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(1),
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v2/events/session/heartbeat?id=session-0042&close=false")));
    server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v2/events/session/heartbeat?id=session-0042&close=true")));
    assertThat(acceptedEvents()).extracting(e -> e.get("type")).containsExactly("session");
    assertThatThrownBy(() -> reporter.submitUserDescription("x", null, "y")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameErrorWithinTheWindowIsCountedNotResent() throws Exception {
    ExceptionlessReporter reporter = started(reporter());
    RuntimeException error = ErrorConverterTest.threeLevels();

    reporter.submitException(error);
    reporter.submitException(error);
    reporter.flush(Duration.ofSeconds(10));

    assertThat(acceptedEvents()).hasSize(1);
    assertThat(reporter.stats().discarded(DiscardReason.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void builderSettersRejectBadInputAtOnce() {
    ExceptionlessReporter reporter = started(reporter());
    EventBuilder builder = reporter.createLog("app", "x", LogLevel.INFO);

    assertThatThrownBy(() -> builder.referenceId("bad id")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 to 100 letters, digits or dashes");
    assertThatThrownBy(() -> builder.geo(91, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.data("@error", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> builder.tags(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExceptionlessReporter.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be 1 to 1000, but was 0");
    assertThatThrownBy(() -> ExceptionlessReporter.builder().shutdownHook(false).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a client-scoped API key");
  }

  @Test
  void extendedDataKeepsPlainValuesAndCutsDeepNesting() {
    Object deep = Collections.singletonMap("a", Collections.singletonMap("b", Collections.singletonMap("c",
        Collections.singletonMap("d", Collections.singletonMap("e", Collections.singletonMap("f", "g"))))));

    Object plain = new DataSanitizer().copy(deep);

    assertThat(plain.toString()).isEqualTo("{a={b={c={d={e=[nested too deep]}}}}}");
    assertThat(new DataSanitizer().copy(new int[] {1, 2})).isEqualTo(java.util.Arrays.asList(1, 2));
    assertThat(new DataSanitizer().copy(LogLevel.WARN)).isEqualTo("WARN");
  }

  @Test
  @SuppressWarnings("unchecked")
  void uncaughtExceptionsAreReportedAsCriticalAndThePreviousHandlerStillRuns() throws Exception {
    AtomicReference<Throwable> previousSaw = new AtomicReference<>();
    Thread.UncaughtExceptionHandler original = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> previousSaw.set(error));
    try {
      ExceptionlessReporter reporter = started(reporter().captureUncaughtExceptions(true));
      Thread failing = new Thread(() -> {
        throw new IllegalStateException("boom in a thread");
      });
      failing.start();
      failing.join();
      reporter.flush(Duration.ofSeconds(10));

      Map<String, Object> event = acceptedEvents().get(0);
      assertThat(event).containsEntry("message", "boom in a thread");
      assertThat((List<Object>) event.get("tags")).contains("Critical");
      assertThat(data(event)).containsEntry("@submission_method", "uncaught");
      assertThat(previousSaw.get()).hasMessage("boom in a thread");
      reporter.close(Duration.ofSeconds(1));
      assertThat(Thread.getDefaultUncaughtExceptionHandler()).isNotInstanceOf(UncaughtExceptionReporter.class);
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(original);
    }
  }

  private static Map<String, Object> data(Map<String, Object> event) {
    return map(event.get("data"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
