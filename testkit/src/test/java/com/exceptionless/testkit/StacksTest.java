package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StacksTest extends SeededServerTest {
  /** Some events below are dated 2020-01-01; the server drops events older than 3 days, so its clock is pinned. */
  @Override
  ExceptionlessTestServer.Builder builder() {
    return ExceptionlessTestServer.builder()
        .clock(java.time.Clock.fixed(java.time.Instant.parse("2020-01-01T12:00:00Z"), java.time.ZoneOffset.UTC));
  }

  @Test
  void listsArePagedWithoutResultCountAndSupportSummaryMode() {
    for (int i = 0; i < 12; i++) {
      submit("{\"type\":\"log\",\"source\":\"s" + i + "\",\"date\":\"2020-01-01T00:00:" + (10 + i) + "+00:00\"}");
    }

    HttpResponse<String> first = http.get("/api/v2/stacks", user);
    HttpResponse<String> second = http.get("/api/v2/projects/" + accounts.projectId() + "/stacks?page=2", user);
    List<Map<String, Object>> summaries = Http.array(http.get(
        "/api/v2/organizations/" + accounts.organizationId() + "/stacks?mode=summary&limit=1", user));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("X-Result-Count")).isEmpty();
    assertThat(Http.array(first)).hasSize(10).first().satisfies(s -> assertThat(s).containsEntry("title", "s11"));
    assertThat(first.headers().allValues("Link")).hasSize(1);
    assertThat(Http.array(second)).hasSize(2);
    assertThat(summaries.get(0)).containsEntry("template_key", "stack-log-summary").containsEntry("total", 1.0);
    assertThat(Http.array(http.get("/api/v2/stacks?filter=s3", user))).extracting(s -> s.get("title"))
        .containsExactly("s3");
    assertThat(http.get("/api/v2/projects/000000000000000000000000/stacks", user).statusCode()).isEqualTo(404);
  }

  @Test
  void markFixedRegressesOnANewerVersionOnly() {
    submit("{\"type\":\"log\",\"source\":\"a\",\"@version\":\"1.0.0\"}");
    String id = stackId();

    assertThat(post("/api/v2/stacks/" + id + "/mark-fixed?version=1.2.0").statusCode()).isEqualTo(200);
    assertThat(stack(id)).containsEntry("status", "fixed").containsEntry("fixed_in_version", "1.2.0")
        .containsKey("date_fixed");
    submit("{\"type\":\"log\",\"source\":\"a\",\"@version\":\"1.1.9\"}");
    assertThat(stack(id)).containsEntry("status", "fixed");
    submit("{\"type\":\"log\",\"source\":\"a\",\"@version\":\"1.2.0\"}");
    assertThat(stack(id)).containsEntry("status", "regressed").containsEntry("total_occurrences", 3.0);
  }

  @Test
  void snoozeNeedsAFutureDateAndCriticalAndStatusChange() {
    submit("{\"type\":\"log\",\"source\":\"a\"}");
    String id = stackId();

    assertThat(post("/api/v2/stacks/" + id + "/mark-snoozed?snoozeUntilUtc=2999-01-01T00:00:00Z").statusCode())
        .isEqualTo(200);
    assertThat(stack(id)).containsEntry("status", "snoozed").containsEntry("snooze_until_utc",
        "2999-01-01T00:00:00.0000000Z");
    assertThat(post("/api/v2/stacks/" + id + "/mark-snoozed?snoozeUntilUtc=2000-01-01T00:00:00Z").statusCode())
        .isEqualTo(400);
    assertThat(post("/api/v2/stacks/" + id + "/mark-critical").statusCode()).isEqualTo(200);
    assertThat(stack(id)).containsEntry("occurrences_are_critical", true);
    assertThat(http.send("DELETE", "/api/v2/stacks/" + id + "/mark-critical", HttpRequest.BodyPublishers.noBody(),
        user).statusCode()).isEqualTo(204);
    assertThat(stack(id)).containsEntry("occurrences_are_critical", false);
    assertThat(post("/api/v2/stacks/" + id + "/change-status?status=ignored").statusCode()).isEqualTo(200);
    assertThat(stack(id)).containsEntry("status", "ignored").doesNotContainKey("snooze_until_utc");
    HttpResponse<String> bad = post("/api/v2/stacks/" + id + "/change-status?status=closed");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(Http.object(bad)).containsKey("errors");
    assertThat(post("/api/v2/stacks/000000000000000000000000/mark-fixed").statusCode()).isEqualTo(404);
  }

  @Test
  void linksAreAddedOnceAndRemovedWith204() {
    submit("{\"type\":\"log\",\"source\":\"a\"}");
    String id = stackId();
    String link = "{\"value\":\"https://github.com/acme/shop/issues/42\"}";

    assertThat(http.postJson("/api/v2/stacks/" + id + "/add-link", user, link).statusCode()).isEqualTo(200);
    assertThat(http.postJson("/api/v2/stacks/" + id + "/add-link", user, link).statusCode()).isEqualTo(200);
    assertThat(stack(id)).containsEntry("references", List.of("https://github.com/acme/shop/issues/42"));
    assertThat(http.postJson("/api/v2/stacks/" + id + "/add-link", user, "{\"value\":\"\"}").statusCode())
        .isEqualTo(400);
    assertThat(http.postJson("/api/v2/stacks/" + id + "/remove-link", user, link).statusCode()).isEqualTo(204);
    assertThat(stack(id)).containsEntry("references", List.of());
  }

  @Test
  void promoteIs501WithPremiumFeaturesAnd426Without() {
    submit("{\"type\":\"log\",\"source\":\"a\"}");
    String id = stackId();

    assertThat(post("/api/v2/stacks/" + id + "/promote").statusCode()).isEqualTo(501);
    server.setPlanLimits(PlanLimits.unlimited().withPremiumFeatures(false));
    assertThat(post("/api/v2/stacks/" + id + "/promote").statusCode()).isEqualTo(426);
  }

  @Test
  void bulkDeleteRemovesStacksWithTheirEvents() {
    submit("{\"type\":\"log\",\"source\":\"a\"},{\"type\":\"log\",\"source\":\"b\"}");
    String a = (String) server.stacks().get(0).get("id");
    String b = (String) server.stacks().get(1).get("id");
    String missing = "000000000000000000000000";

    HttpResponse<String> partial = delete("/api/v2/stacks/" + a + "," + missing);

    assertThat(partial.statusCode()).isEqualTo(400);
    assertThat(Http.object(partial)).containsEntry("success", List.of(a));
    assertThat(server.storedEvents()).hasSize(1);
    assertThat(delete("/api/v2/stacks/" + missing).statusCode()).isEqualTo(404);
    assertThat(delete("/api/v2/stacks/" + b).statusCode()).isEqualTo(202);
    assertThat(http.get("/api/v2/stacks/" + b, user).statusCode()).isEqualTo(404);
  }

  @Test
  void clientKeysAreForbiddenOnStackReadsAndWrites() {
    submit("{\"type\":\"log\",\"source\":\"a\"}");
    String id = stackId();

    assertThat(http.get("/api/v2/stacks", client).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v2/stacks/" + id, client).statusCode()).isEqualTo(403);
    assertThat(http.send("POST", "/api/v2/stacks/" + id + "/mark-fixed", HttpRequest.BodyPublishers.noBody(),
        client).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v2/stacks/" + id, Http.bearer(accounts.userApiKey())).statusCode()).isEqualTo(200);
  }

  private void submit(String events) {
    assertThat(http.postJson("/api/v2/events", client, "[" + events + "]").statusCode()).isEqualTo(202);
  }

  private String stackId() {
    return (String) server.stacks().get(0).get("id");
  }

  private Map<String, Object> stack(String id) {
    HttpResponse<String> response = http.get("/api/v2/stacks/" + id, user);
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.object(response);
  }

  private HttpResponse<String> post(String path) {
    return http.send("POST", path, HttpRequest.BodyPublishers.noBody(), user);
  }

  private HttpResponse<String> delete(String path) {
    return http.send("DELETE", path, HttpRequest.BodyPublishers.noBody(), user);
  }
}
