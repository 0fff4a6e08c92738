package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventSubmissionTest {
  private ExceptionlessTestServer server;
  private Http http;
  private TestAccounts accounts;
  private String client;

  @BeforeEach
  void start() {
    server = ExceptionlessTestServer.start();
    http = new Http(server);
    accounts = server.accounts();
    client = Http.bearer(accounts.clientApiKey());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void acceptsOneEventWith202EmptyBodyAndConfigVersionAndKeepsItExactlyAsSent() {
    server.setProjectSetting(accounts.projectId(), "IncludePrivateInformation", "false");

    HttpResponse<String> response = http.send("POST", "/api/v2/events",
        HttpRequest.BodyPublishers.ofString("{\"type\":\"error\",\"message\":\"Boom\",\"count\":2,"
            + "\"@simple_error\":{\"message\":\"Boom\"},\"tags\":[\"a\"],\"CamelKey\":true}"),
        client, "Content-Type", "application/json; charset=utf-8", "User-Agent", "exceptionless-java/1.2.3");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("X-Exceptionless-ConfigVersion")).hasValue("1");
    assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("3500");
    List<ReceivedEvent> events = server.awaitEvents(1, Duration.ofSeconds(5));
    ReceivedEvent event = events.get(0);
    assertThat(event.projectId()).isEqualTo(accounts.projectId());
    assertThat(event.type()).isEqualTo("error");
    assertThat(event.message()).isEqualTo("Boom");
    assertThat(event.json()).containsOnlyKeys("type", "message", "count", "@simple_error", "tags", "CamelKey")
        .containsEntry("count", 2L).containsEntry("tags", List.of("a"))
        .containsEntry("@simple_error", Map.of("message", "Boom")).containsEntry("CamelKey", true);
    ReceivedSubmission submission = server.submissions().get(0);
    assertThat(submission.userAgent()).isEqualTo("exceptionless-java/1.2.3");
    assertThat(submission.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(submission.contentEncoding()).isNull();
    assertThat(submission.eventCount()).isEqualTo(1);
    assertThat(submission.projectId()).isEqualTo(accounts.projectId());
    assertThat(submission.path()).isEqualTo("/api/v2/events");
    assertThat(submission.header("authorization")).isEqualTo("Bearer <redacted>");
  }

  @Test
  void acceptsAnArrayOfEventsOnTheProjectRoute() {
    HttpResponse<String> response = http.postJson("/api/v2/projects/" + accounts.projectId() + "/events", client,
        "[{\"type\":\"log\",\"message\":\"one\"},{\"type\":\"usage\",\"source\":\"feature\"}]");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(server.receivedEvents(accounts.projectId())).extracting(ReceivedEvent::type)
        .containsExactly("log", "usage");
    assertThat(server.receivedEvents(accounts.secondProjectId())).isEmpty();
  }

  @Test
  void turnsEachNonEmptyTextLineIntoALogEvent() {
    HttpResponse<String> response = http.send("POST", "/api/v2/events",
        HttpRequest.BodyPublishers.ofString("first line\r\n\r\nsecond line\n"), client,
        "Content-Type", "text/plain");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(server.receivedEvents()).extracting(ReceivedEvent::json).containsExactly(
        Map.of("type", "log", "message", "first line"), Map.of("type", "log", "message", "second line"));
  }

  @Test
  void decodesGzipAndDeflateBodies() throws IOException {
    byte[] json = "{\"type\":\"log\",\"message\":\"zipped\"}".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(json);
    }
    ByteArrayOutputStream deflate = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(deflate, new java.util.zip.Deflater(
        java.util.zip.Deflater.DEFAULT_COMPRESSION, true))) {
      out.write(json);
    }

    HttpResponse<String> gzipped = http.send("POST", "/api/v2/events",
        HttpRequest.BodyPublishers.ofByteArray(gzip.toByteArray()), client,
        "Content-Type", "application/json", "Content-Encoding", "gzip");
    HttpResponse<String> deflated = http.send("POST", "/api/v2/events",
        HttpRequest.BodyPublishers.ofByteArray(deflate.toByteArray()), client,
        "Content-Type", "application/json", "Content-Encoding", "deflate");

    assertThat(gzipped.statusCode()).isEqualTo(202);
    assertThat(deflated.statusCode()).isEqualTo(202);
    assertThat(server.receivedEvents()).extracting(ReceivedEvent::message).containsExactly("zipped", "zipped");
    assertThat(server.submissions().get(0).contentEncoding()).isEqualTo("gzip");
    assertThat(server.submissions().get(0).decodedBodySize()).isEqualTo(json.length);
  }

  @Test
  void rejectsOtherContentTypesWith415() {
    HttpResponse<String> response = http.send("POST", "/api/v2/events",
        HttpRequest.BodyPublishers.ofString("<event/>"), client, "Content-Type", "application/xml");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(Http.object(response)).containsEntry("title", "Unsupported Media Type");
    assertThat(server.receivedEvents()).isEmpty();
  }

  @Test
  void rejectsAnEmptyBodyWith411() {
    HttpResponse<String> response = http.send("POST", "/api/v2/events", HttpRequest.BodyPublishers.noBody(),
        client, "Content-Type", "application/json");

    assertThat(response.statusCode()).isEqualTo(411);
    assertThat(Http.object(response)).containsEntry("status", 411.0).doesNotContainKeys("type", "title");
  }

  @Test
  void rejectsBodiesOverTheLimitWith413() {
    String big = "{\"type\":\"log\",\"message\":\"" + "x".repeat(EventRoutes.MAXIMUM_EVENT_POST_SIZE) + "\"}";

    HttpResponse<String> response = http.postJson("/api/v2/events", client, big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(server.receivedEvents()).isEmpty();
    assertThat(http.postJson("/api/v2/events", client, "{\"type\":\"log\"}").statusCode()).isEqualTo(202);
  }

  @Test
  void answersProjectNotFoundWhenTheRouteProjectIsNotTheKeysProject() {
    HttpResponse<String> mismatch = http.postJson("/api/v2/projects/" + accounts.secondProjectId() + "/events",
        client, "{\"type\":\"log\"}");
    HttpResponse<String> unknown = http.postJson("/api/v2/projects/000000000000000000000000/events",
        Http.bearer(accounts.userApiKey()), "{\"type\":\"log\"}");

    assertThat(mismatch.statusCode()).isEqualTo(404);
    assertThat(Http.object(mismatch)).containsEntry("title", "Project not found.");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void organizationKeyWithoutProjectNeedsTheProjectRoute() {
    String orgKey = Http.bearer(accounts.userApiKey());

    HttpResponse<String> noProject = http.postJson("/api/v2/events", orgKey, "{\"type\":\"log\"}");
    HttpResponse<String> withRoute = http.postJson("/api/v2/projects/" + accounts.secondProjectId() + "/events",
        orgKey, "{\"type\":\"log\"}");

    assertThat(noProject.statusCode()).isEqualTo(400);
    assertThat(Http.object(noProject))
        .containsEntry("title", "No project id specified and no default project was found");
    assertThat(withRoute.statusCode()).isEqualTo(202);
    assertThat(server.receivedEvents(accounts.secondProjectId())).hasSize(1);
  }

  @Test
  void answers503WhileSubmissionIsDisabled() {
    server.setEventSubmissionDisabled(true);
    assertThat(http.postJson("/api/v2/events", client, "{}").statusCode()).isEqualTo(503);

    server.setEventSubmissionDisabled(false);
    assertThat(http.postJson("/api/v2/events", client, "{}").statusCode()).isEqualTo(202);
  }

  @Test
  void disabledOrUnknownKeysCannotSubmit() {
    server.setTokenDisabled(accounts.clientApiKey(), true);

    assertThat(http.postJson("/api/v2/events", client, "{}").statusCode()).isEqualTo(401);
    assertThat(http.postJson("/api/v2/events", null, "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void awaitEventsCollectsConcurrentSubmissionsAndExplainsATimeout() throws InterruptedException {
    Thread[] senders = new Thread[8];
    for (int i = 0; i < senders.length; i++) {
      int n = i;
      senders[i] = new Thread(() -> http.postJson("/api/v2/events", client,
          "{\"type\":\"log\",\"message\":\"thread " + n + "\"}"));
      senders[i].start();
    }
    for (Thread sender : senders) {
      sender.join();
    }

    assertThat(server.awaitEvents(8, Duration.ofSeconds(5))).hasSize(8);
    assertThatThrownBy(() -> server.awaitEvents(9, Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Expected at least 9 events within PT0.05S but the server received 8");
    server.clearReceived();
    assertThat(server.receivedEvents()).isEmpty();
    assertThat(server.submissions()).isEmpty();
  }
}
