package com.exceptionless.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.ReceivedEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a Boot application on a random port, configured by properties only, reporting to the stand-in
 * server: what arrives for a controller exception, a 404, a handled exception and a logged error.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "exceptionless.web.not-found-events=true")
class SpringMvcReportingTest {
  @RegisterExtension
  static final ExceptionlessTestServerExtension SERVER = new ExceptionlessTestServerExtension();

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
      (TestApplication.USER + ":" + TestApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));

  @DynamicPropertySource
  static void exceptionless(DynamicPropertyRegistry registry) {
    registry.add("exceptionless.server-url", () -> SERVER.server().baseUrl());
    registry.add("exceptionless.api-key", () -> SERVER.server().accounts().clientApiKey());
  }

  @LocalServerPort
  int port;

  @Autowired
  ExceptionlessReporter reporter;

  @BeforeEach
  void clear() {
    reporter.flush(Duration.ofSeconds(10));
    SERVER.server().clearReceived();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aControllerExceptionArrivesWithTheRequestAndTheSignedInUserAndNoCredential() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/orders/42?page=2&access_token=SECRETQUERY"))
        .header("Authorization", BASIC)
        .header("Cookie", "SESSION=SECRETCOOKIE; theme=dark")
        .header("Accept", "application/json")
        .header("X-Request-Id", "req-17")
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("\"status\":500").contains("\"path\":\"/orders/42\"");
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "error").containsEntry("message", "order 42 could not be loaded");
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    assertThat((Map<String, Object>) data.get("@error")).containsEntry("type", "java.lang.IllegalStateException");
    assertThat((Map<String, Object>) data.get("@user")).containsEntry("identity", TestApplication.USER);
    Map<String, Object> request = (Map<String, Object>) data.get("@request");
    assertThat(request).containsEntry("http_method", "GET").containsEntry("path", "/orders/42")
        .containsEntry("query_string", Map.of("page", "2"))
        .containsEntry("cookies", Map.of("SESSION", "[excluded]", "theme", "[excluded]"));
    Map<String, Object> headers = (Map<String, Object>) request.get("headers");
    assertThat(headers).containsEntry("accept", List.of("application/json")).containsEntry("x-request-id", List.of("req-17"));
    assertThat(headers.keySet()).doesNotContain("authorization", "cookie");
    String json = event.toString();
    assertThat(json).doesNotContain("SECRET").doesNotContain(BASIC.substring("Basic ".length()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anExceptionOfAnAsynchronousHandlerArrivesWithTheRequestAndTheUser() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/async?page=3")).header("Authorization", BASIC)
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "error").containsEntry("message", "async order could not be loaded");
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    assertThat((Map<String, Object>) data.get("@request")).containsEntry("path", "/async")
        .containsEntry("query_string", Map.of("page", "3"));
    assertThat((Map<String, Object>) data.get("@user")).containsEntry("identity", TestApplication.USER);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPathNothingAnswersBecomesANotFoundEvent() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/no/such/page")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).json()).containsEntry("type", "404").containsEntry("source", "/no/such/page");
    Map<String, Object> data = (Map<String, Object>) events.get(0).json().get("data");
    assertThat((Map<String, Object>) data.get("@request")).containsEntry("path", "/no/such/page");
  }

  @Test
  void anExceptionAnExceptionHandlerAnsweredIsNotReportedByDefault() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/handled")).header("Authorization", BASIC)
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).isEqualTo("item 7 is out of stock");
    reporter.flush(Duration.ofSeconds(10));
    assertThat(SERVER.server().receivedEvents()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anErrorLoggedThroughBootsLogbackArrivesWithTheEarlierLinesAsTrace() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/checkout")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    reporter.flush(Duration.ofSeconds(10));
    List<ReceivedEvent> events = SERVER.server().receivedEvents();
    assertThat(events).hasSize(1);
    Map<String, Object> event = events.get(0).json();
    assertThat(event).containsEntry("type", "error").containsEntry("source", "com.acme.shop.Checkout")
        .containsEntry("message", "payment failed");
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    assertThat((Map<String, Object>) data.get("@error")).containsEntry("type", "java.io.UncheckedIOException");
    assertThat((List<Object>) data.get("@trace")).endsWith(
        "INFO com.acme.shop.Checkout: cart 7 priced", "INFO com.acme.shop.Checkout: payment started");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
