package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsAndDescriptionsTest {
  private ExceptionlessTestServer server;
  private Http http;
  private TestAccounts accounts;
  private String user;
  private String client;

  @BeforeEach
  void start() {
    server = ExceptionlessTestServer.start();
    http = new Http(server);
    accounts = server.accounts();
    user = Http.basic(accounts.userEmail(), accounts.userPassword());
    client = Http.bearer(accounts.clientApiKey());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void heartbeatsAreRecordedAnswer200AndAreNotRateLimited() {
    server.close();
    server = ExceptionlessTestServer.builder().rateLimitPerWindow(2).start();
    http = new Http(server);
    for (int i = 0; i < 5; i++) {
      assertThat(http.get("/api/v2/events/session/heartbeat?id=session-1", client).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> close = http.get("/api/v2/events/session/heartbeat?id=session-1&close=true", client);

    assertThat(close.statusCode()).isEqualTo(200);
    assertThat(close.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    List<SessionHeartbeat> heartbeats = server.heartbeats();
    assertThat(heartbeats).hasSize(6);
    assertThat(heartbeats.get(5).close()).isTrue();
    assertThat(heartbeats.get(5).sessionId()).isEqualTo("session-1");
    assertThat(heartbeats.get(5).projectId()).isEqualTo(accounts.projectId());
    assertThat(http.get("/api/v2/events/session/heartbeat", client).statusCode()).isEqualTo(200);
    assertThat(server.heartbeats()).hasSize(6);
  }

  @Test
  void sessionsListSessionEventsAndASessionItsEvents() {
    http.postJson("/api/v2/events", client, "[{\"type\":\"session\",\"reference_id\":\"session-1\"},"
        + "{\"type\":\"log\",\"message\":\"in session\",\"data\":{\"@ref:session\":\"session-1\"}},"
        + "{\"type\":\"log\",\"message\":\"outside\"}]");

    List<Map<String, Object>> sessions = Http.array(http.get("/api/v2/events/sessions", user));
    List<Map<String, Object>> inSession = Http.array(http.get(
        "/api/v2/projects/" + accounts.projectId() + "/events/sessions/session-1", user));

    assertThat(sessions).extracting(e -> e.get("type")).containsExactly("session");
    assertThat(inSession).hasSize(2);
    server.setPlanLimits(PlanLimits.unlimited().withPremiumFeatures(false));
    HttpResponse<String> free = http.get("/api/v2/events/sessions", user);
    assertThat(free.statusCode()).isEqualTo(426);
    assertThat(Http.object(free)).containsEntry("title", "Please upgrade your plan to use premium session features.");
  }

  @Test
  @SuppressWarnings("unchecked")
  void userDescriptionAttachesToTheEventWithThatReferenceIdEvenWhenItArrivesLater() {
    String description = "{\"email_address\":\"demo@example.com\",\"description\":\"it broke\"}";

    HttpResponse<String> early = http.postJson("/api/v2/events/by-ref/ref-00002/user-description", client,
        description);
    http.postJson("/api/v2/events", client, "{\"type\":\"log\",\"message\":\"m\",\"reference_id\":\"ref-00001\"}"
        + "\n");
    http.postJson("/api/v2/events", client, "{\"type\":\"log\",\"message\":\"n\",\"reference_id\":\"ref-00002\"}");
    HttpResponse<String> late = http.postJson("/api/v2/projects/" + accounts.projectId()
        + "/events/by-ref/ref-00001/user-description", client, description);

    assertThat(early.statusCode()).isEqualTo(202);
    assertThat(late.statusCode()).isEqualTo(202);
    for (Map<String, Object> event : server.storedEvents()) {
      assertThat((Map<String, Object>) event.get("data")).containsEntry("@user_description",
          Map.of("email_address", "demo@example.com", "description", "it broke"));
    }
    assertThat(http.postJson("/api/v2/events/by-ref/ref-00001/user-description", client,
        "{\"email_address\":\"not an email\"}").statusCode()).isEqualTo(422);
    assertThat(http.postJson("/api/v2/projects/" + accounts.secondProjectId()
        + "/events/by-ref/ref-00001/user-description", client, description).statusCode()).isEqualTo(404);
    assertThat(http.postJson("/api/v2/events/by-ref/ref-00001/user-description",
        Http.bearer(accounts.userApiKey()), description).statusCode()).isEqualTo(400);
  }
}
