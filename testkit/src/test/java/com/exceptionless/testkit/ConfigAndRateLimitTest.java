package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigAndRateLimitTest {
  @Test
  void configIsServedWithVersionAnd304WhenCurrent() {
    try (ExceptionlessTestServer server = ExceptionlessTestServer.start()) {
      Http http = new Http(server);
      TestAccounts accounts = server.accounts();
      String client = Http.bearer(accounts.clientApiKey());
      int version = server.setProjectSetting(accounts.projectId(), "@@log:*", "Info");

      HttpResponse<String> current = http.get("/api/v2/projects/config", client);
      HttpResponse<String> unchanged = http.get("/api/v2/projects/config?v=" + version, client);
      HttpResponse<String> stale = http.get("/api/v2/projects/config?v=0", client);
      HttpResponse<String> byId = http.get("/api/v2/projects/" + accounts.projectId() + "/config", client);

      assertThat(current.statusCode()).isEqualTo(200);
      assertThat(Http.object(current)).isEqualTo(Map.of("version", 1.0, "settings", Map.of("@@log:*", "Info")));
      assertThat(current.headers().firstValue("X-Exceptionless-ConfigVersion")).isEmpty();
      assertThat(current.headers().firstValue("X-RateLimit-Limit")).isEmpty();
      assertThat(unchanged.statusCode()).isEqualTo(304);
      assertThat(unchanged.body()).isEmpty();
      assertThat(stale.statusCode()).isEqualTo(200);
      assertThat(byId.statusCode()).isEqualTo(200);
      assertThat(byId.headers().firstValue("X-RateLimit-Limit")).hasValue("3500");
    }
  }

  @Test
  void configWithoutAProjectOnTheKeyIs401AndForAnUnknownProject404() {
    try (ExceptionlessTestServer server = ExceptionlessTestServer.start()) {
      Http http = new Http(server);
      String orgKey = Http.bearer(server.accounts().userApiKey());

      assertThat(http.get("/api/v2/projects/config", orgKey).statusCode()).isEqualTo(401);
      assertThat(http.get("/api/v2/projects/000000000000000000000000/config", orgKey).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void overTheLimitAnswers429WithoutRateLimitHeadersUntilTheWindowEnds() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    try (ExceptionlessTestServer server = ExceptionlessTestServer.builder().clock(clock).rateLimitPerWindow(3)
        .start()) {
      Http http = new Http(server);
      String user = Http.bearer(server.accounts().userApiKey());

      for (int remaining = 2; remaining >= 0; remaining--) {
        HttpResponse<String> ok = http.get("/api/v2/projects", user);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
      }
      HttpResponse<String> limited = http.get("/api/v2/projects", user);

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("X-RateLimit-Limit")).isEmpty();
      assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
      assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
      assertThat(Http.object(limited)).containsEntry("status", 429.0);
      String sameOrganization = Http.bearer(server.accounts().clientApiKey());
      assertThat(http.postJson("/api/v2/events", sameOrganization, "{}").statusCode()).isEqualTo(429);
      assertThat(http.get("/api/v2/projects/config", sameOrganization).statusCode()).isEqualTo(200);
      String otherCaller = Http.basic(server.accounts().userEmail(), server.accounts().userPassword());
      assertThat(http.get("/api/v2/projects", otherCaller).statusCode()).isEqualTo(200);

      clock.advance(Duration.ofMinutes(15));

      assertThat(http.get("/api/v2/projects", user).statusCode()).isEqualTo(200);
    }
  }
}
