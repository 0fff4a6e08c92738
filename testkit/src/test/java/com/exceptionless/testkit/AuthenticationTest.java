package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private ExceptionlessTestServer server;
  private Http http;
  private TestAccounts accounts;

  @BeforeEach
  void start() {
    server = ExceptionlessTestServer.builder().clock(clock).start();
    http = new Http(server);
    accounts = server.accounts();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void loginReturnsA40CharacterTokenAndReusesItOnTheNextLogin() {
    String first = http.login(accounts.userEmail(), accounts.userPassword());
    String second = http.login(accounts.userEmail().toUpperCase(), accounts.userPassword());

    assertThat(first).matches("[A-Za-z0-9]{40}");
    assertThat(second).isEqualTo(first);
    assertThat(http.get("/api/v2/projects", Http.bearer(first)).statusCode()).isEqualTo(200);
  }

  @Test
  void loginTokenExpiresAfterThreeMonths() {
    String token = http.login(accounts.userEmail(), accounts.userPassword());

    clock.advance(Duration.ofDays(93));

    assertThat(http.get("/api/v2/projects", Http.bearer(token)).statusCode()).isEqualTo(401);
    assertThat(http.login(accounts.userEmail(), accounts.userPassword())).isNotEqualTo(token);
  }

  @Test
  void wrongPasswordAndUnknownUserAreLoginFailed() {
    HttpResponse<String> wrong = http.postJson("/api/v2/auth/login", null,
        "{\"email\":\"demo@exceptionless.test\",\"password\":\"not-the-password\"}");
    HttpResponse<String> unknown = http.postJson("/api/v2/auth/login", null,
        "{\"email\":\"nobody@exceptionless.test\",\"password\":\"whatever\"}");

    for (HttpResponse<String> response : List.of(wrong, unknown)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      Map<String, Object> problem = Http.object(response);
      assertThat(problem).containsEntry("title", "Login failed.").containsEntry("status", 401.0)
          .containsEntry("instance", "POST /api/v2/auth/login")
          .containsEntry("type", "https://tools.ietf.org/html/rfc9110#section-15.5.2");
    }
  }

  @Test
  void missingFieldsAndShortPasswordAreValidationProblems() {
    HttpResponse<String> missing = http.postJson("/api/v2/auth/login", null, "{}");
    HttpResponse<String> shortPassword = http.postJson("/api/v2/auth/login", null,
        "{\"email\":\"demo@exceptionless.test\",\"password\":\"12345\",\"invite_token\":\"short\"}");

    assertThat(missing.statusCode()).isEqualTo(422);
    Map<String, Object> problem = Http.object(missing);
    assertThat(problem).containsEntry("title", "One or more validation errors occurred.");
    assertThat(((Map<?, ?>) problem.get("errors")).keySet()).isEqualTo(java.util.Set.of("email", "password"));
    assertThat(shortPassword.statusCode()).isEqualTo(422);
    assertThat(((Map<?, ?>) Http.object(shortPassword).get("errors")).keySet())
        .isEqualTo(java.util.Set.of("password", "invite_token"));
  }

  @Test
  void moreThanFiveAttemptsForOneEmailAreDeniedUntilTheWindowPasses() {
    for (int i = 0; i < 5; i++) {
      assertThat(title(http.postJson("/api/v2/auth/login", null,
          "{\"email\":\"demo@exceptionless.test\",\"password\":\"wrong-password\"}")))
          .isEqualTo("Login failed.");
    }
    HttpResponse<String> denied = http.postJson("/api/v2/auth/login", null,
        "{\"email\":\"demo@exceptionless.test\",\"password\":\"demo-password\"}");
    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(title(denied)).isEqualTo("Login denied.");

    clock.advance(Duration.ofMinutes(15));

    assertThat(http.login(accounts.userEmail(), accounts.userPassword())).hasSize(40);
  }

  @Test
  void logoutDeletesTheLoginTokenAndIsForbiddenForApiKeys() {
    String token = http.login(accounts.userEmail(), accounts.userPassword());

    assertThat(http.get("/api/v2/auth/logout", Http.bearer(accounts.userApiKey())).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v2/auth/logout", Http.bearer(accounts.clientApiKey())).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v2/auth/logout", Http.bearer(token)).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects", Http.bearer(token)).statusCode()).isEqualTo(401);
  }

  @Test
  void acceptsEveryCredentialFormOfTheServer() {
    String key = accounts.userApiKey();
    assertThat(http.get("/api/v2/projects", "Token " + key).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects", Http.basic("client", key)).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects", Http.basic(key, "")).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects", Http.basic(key, "x-oauth-basic")).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects", Http.basic(accounts.userEmail(), accounts.userPassword()))
        .statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects?access_token=" + key, null).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects?api_key=" + key, null).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects?apikey=" + key, null).statusCode()).isEqualTo(200);
  }

  @Test
  void queryTokenIsIgnoredWhenAnAuthorizationHeaderIsPresent() {
    HttpResponse<String> response = http.get("/api/v2/projects?api_key=" + accounts.userApiKey(),
        Http.bearer("unknownunknownunknownunknownunknown12345"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void missingOrBadCredentialsGet401WithBearerChallenge() {
    HttpResponse<String> missing = http.get("/api/v2/projects", null);
    HttpResponse<String> wrongPassword = http.get("/api/v2/projects",
        Http.basic(accounts.userEmail(), "wrong-password"));

    for (HttpResponse<String> response : List.of(missing, wrongPassword)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer resource_metadata=\""
          + server.baseUrl() + "/.well-known/oauth-protected-resource/api/v2\"");
      assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    }
  }

  @Test
  void unknownRoutesAreNotFoundProblems() {
    HttpResponse<String> response = http.send("DELETE", "/api/v2/projects", HttpRequest.BodyPublishers.noBody(),
        Http.bearer(accounts.userApiKey()));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.object(response)).containsEntry("title", "Not Found")
        .containsEntry("instance", "DELETE /api/v2/projects");
  }

  @Test
  void recordedRequestsRedactCredentials() {
    http.get("/api/v2/projects?api_key=" + accounts.userApiKey(), null);
    http.get("/api/v2/projects", Http.bearer(accounts.userApiKey()));

    List<RecordedRequest> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).query()).isEqualTo("api_key=redacted");
    assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer <redacted>");
    assertThat(requests.toString()).doesNotContain(accounts.userApiKey());
    assertThat(requests.get(1).status()).isEqualTo(200);
  }

  private static String title(HttpResponse<String> response) {
    return (String) Http.object(response).get("title");
  }
}
