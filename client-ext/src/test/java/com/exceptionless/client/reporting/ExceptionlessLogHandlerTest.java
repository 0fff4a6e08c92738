package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
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
}
