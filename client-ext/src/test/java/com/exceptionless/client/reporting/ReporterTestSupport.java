package com.exceptionless.client.reporting;

import com.exceptionless.client.ExceptionlessClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server standing for the event endpoint, and reporters with millisecond retry delays. */
abstract class ReporterTestSupport {
  static final String API_KEY = "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0";

  WireMockServer server;
  final List<ExceptionlessReporter> reporters = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(false));
    server.start();
  }

  @AfterEach
  void stopServer() {
    for (ExceptionlessReporter reporter : reporters) {
      reporter.close(Duration.ofSeconds(1));
    }
    server.stop();
  }

  ExceptionlessClient client(Duration readTimeout) {
    return ExceptionlessClient.builder().serverUrl("http://127.0.0.1:" + server.port()).apiKey(API_KEY)
        .readTimeout(readTimeout).build();
  }

  ReporterBuilder reporter() {
    return ExceptionlessReporter.builder().client(client(Duration.ofSeconds(5)))
        .shutdownHook(false)
        .retryDelays(Duration.ofMillis(2), Duration.ofMillis(20), () -> 0.5);
  }

  ExceptionlessReporter started(ReporterBuilder builder) {
    ExceptionlessReporter reporter = builder.build();
    reporters.add(reporter);
    return reporter;
  }

  /** The events of every request the server answered 202, in order. */
  List<Map<String, Object>> acceptedEvents() throws IOException {
    JsonAdapter<List<Map<String, Object>>> adapter = client(Duration.ofSeconds(1)).moshi()
        .adapter(Types.newParameterizedType(List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));
    List<ServeEvent> served = new ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(served);
    List<Map<String, Object>> events = new ArrayList<>();
    for (ServeEvent event : served) {
      if (event.getResponse().getStatus() == 202 && event.getRequest().getUrl().equals("/api/v2/events")) {
        events.addAll(adapter.fromJson(event.getRequest().getBodyAsString()));
      }
    }
    return events;
  }
}
