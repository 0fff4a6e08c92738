package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class EventSearchTest extends SeededServerTest {
  /** The events below are dated 2020-01-01; the server drops events older than 3 days, so its clock is pinned. */
  @Override
  ExceptionlessTestServer.Builder builder() {
    return ExceptionlessTestServer.builder()
        .clock(java.time.Clock.fixed(java.time.Instant.parse("2020-01-01T12:00:00Z"), java.time.ZoneOffset.UTC));
  }

  private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");
  private static final String ERROR = "{\"type\":\"error\",\"date\":\"2020-01-01T00:00:00+00:00\","
      + "\"message\":\"boom\",\"@user\":{\"identity\":\"u1\"},\"@error\":{\"type\":\"System.Exception\","
      + "\"message\":\"outer\",\"inner\":{\"type\":\"System.NullReferenceException\",\"message\":\"inner\","
      + "\"stack_trace\":[{\"declaring_namespace\":\"Acme\",\"declaring_type\":\"Shop\",\"name\":\"Pay\"}]}}}";



  @Test
  void submittedEventsBecomeStoredEventsGroupedIntoStacks() {
    submit(ERROR + "," + ERROR.replace("boom", "again") + ",{\"type\":\"log\",\"source\":\"Shop\","
        + "\"message\":\"hello\",\"reference_id\":\"ref-00001\",\"custom\":1}");

    List<Map<String, Object>> stored = server.storedEvents();
    assertThat(stored).hasSize(3);
    assertThat(stored.get(0)).containsKeys("id", "organization_id", "project_id", "stack_id", "created_utc", "date")
        .containsEntry("is_first_occurrence", true).containsEntry("type", "error");
    assertThat(stored.get(1)).containsEntry("is_first_occurrence", false)
        .containsEntry("stack_id", stored.get(0).get("stack_id"));
    assertThat((Map<Object, Object>) (Map<?, ?>) stored.get(2).get("data")).containsEntry("custom", 1L).containsKey("@submission_client");
    assertThat(server.stacks()).hasSize(2);
    Map<String, Object> errorStack = server.stacks().get(0);
    assertThat(errorStack).containsEntry("title", "inner").containsEntry("status", "open")
        .containsEntry("total_occurrences", 2L)
        .containsEntry("signature_info", Map.of("ExceptionType", "System.NullReferenceException",
            "Method", "Acme.Shop.Pay()"));
    assertThat(server.stacks().get(1)).containsEntry("title", "hello");
  }

  @Test
  void invalidFieldsAreRepairedNotDropped() {
    submit("{\"type\":\"log\",\"reference_id\":\"short\"},{\"type\":\"log\",\"tags\":[\"\"]},"
        + "{\"type\":\"log\",\"date\":\"2999-01-01T00:00:00Z\"},{\"type\":\"log\",\"message\":\"ok\"}");

    assertThat(server.receivedEvents()).hasSize(4);
    assertThat(server.storedEvents()).hasSize(4);
    assertThat(server.droppedEvents()).isEmpty();
  }

  @Test
  void listFiltersByTypeStackReferenceAndMessageText() {
    submit(ERROR + ",{\"type\":\"log\",\"message\":\"Hello World\",\"reference_id\":\"ref-00001\"},"
        + "{\"type\":\"log\",\"message\":\"other\"}");
    String stackId = (String) server.stacks().get(0).get("id");

    assertThat(messages("/api/v2/events?filter=type:log")).containsExactlyInAnyOrder("Hello World", "other");
    assertThat(messages("/api/v2/events?filter=stack:" + stackId)).containsExactly("boom");
    assertThat(messages("/api/v2/events?filter=reference_id:ref-00001")).containsExactly("Hello World");
    assertThat(messages("/api/v2/events?filter=world")).containsExactly("Hello World");
    assertThat(messages("/api/v2/stacks/" + stackId + "/events")).containsExactly("boom");
    assertThat(messages("/api/v2/projects/" + accounts.projectId() + "/events/by-ref/ref-00001"))
        .containsExactly("Hello World");
    assertThat(messages("/api/v2/events/by-ref/ref-00001")).containsExactly("Hello World");
    assertThat(messages("/api/v2/organizations/" + accounts.organizationId() + "/events")).hasSize(3);
    assertThat(messages("/api/v2/projects/" + accounts.secondProjectId() + "/events")).isEmpty();
  }

  @Test
  void cursorPagingWalksForwardAndBackWithOpaqueTokens() {
    submit(logs(25));
    List<String> seen = new ArrayList<>();
    String next = "/api/v2/events?limit=10&sort=date";
    int pages = 0;
    HttpResponse<String> last = null;
    while (next != null) {
      last = http.get(next, user);
      assertThat(last.statusCode()).isEqualTo(200);
      assertThat(last.headers().firstValue("X-Result-Count")).isEmpty();
      Http.array(last).forEach(e -> seen.add((String) e.get("message")));
      next = link(last, "next");
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("m00");
    assertThat(link(last, "previous")).contains("before=").doesNotContain("page=");
    List<Map<String, Object>> previous = Http.array(http.get(link(last, "previous"), user));
    assertThat(previous).extracting(e -> e.get("message")).containsExactly("m10", "m11", "m12", "m13", "m14",
        "m15", "m16", "m17", "m18", "m19");
  }

  @Test
  void includeTotalAddsTheCountAndPageModeUsesPageLinks() {
    submit(logs(15));

    HttpResponse<String> total = http.get("/api/v2/events?include=total&limit=5", user);
    HttpResponse<String> paged = http.get("/api/v2/events?page=2&limit=5", user);

    assertThat(total.headers().firstValue("X-Result-Count")).hasValue("15");
    assertThat(link(total, "next")).contains("after=");
    assertThat(paged.headers().firstValue("X-Result-Count")).isEmpty();
    assertThat(link(paged, "next")).contains("page=3");
    assertThat(link(paged, "previous")).contains("page=1");
  }

  @Test
  void pagingPastTheSkipLimitIsEmptyWithoutNext() {
    submit(logs(3));

    HttpResponse<String> response = http.get("/api/v2/events?page=102&limit=10", user);

    assertThat(Http.array(response)).isEmpty();
    assertThat(link(response, "next")).isNull();
  }

  @Test
  void summaryAndStackModesAnswerSummaries() {
    submit(ERROR + "," + ERROR + ",{\"type\":\"log\",\"source\":\"Shop\",\"message\":\"hi\",\"@level\":\"Info\"}");

    List<Map<String, Object>> summaries = Http.array(http.get("/api/v2/events?mode=summary&sort=date", user));
    List<Map<String, Object>> stacks = Http.array(http.get("/api/v2/events?mode=stack_frequent", user));
    HttpResponse<String> sorted = http.get("/api/v2/events?mode=stack_recent&sort=date", user);

    assertThat(summaries).extracting(s -> s.get("template_key"))
        .containsExactlyInAnyOrder("event-error-summary", "event-error-summary", "event-log-summary");
    Map<String, Object> error = summaries.stream().filter(s -> "event-error-summary".equals(s.get("template_key")))
        .findFirst().orElseThrow();
    assertThat(error).containsKeys("id", "date");
    assertThat((Map<Object, Object>) (Map<?, ?>) error.get("data")).containsEntry("Type", "NullReferenceException")
        .containsEntry("TypeFullName", "System.NullReferenceException").containsEntry("Method", "Pay")
        .containsEntry("Identity", "u1").containsEntry("Message", "boom");
    assertThat(stacks).hasSize(2);
    assertThat(stacks.get(0)).containsEntry("template_key", "stack-error-summary").containsEntry("total", 2.0)
        .containsEntry("users", 1.0).containsEntry("total_users", 1.0).containsEntry("status", "open");
    assertThat(stacks.get(1)).containsEntry("template_key", "stack-log-summary").containsEntry("title", "hi");
    assertThat(sorted.statusCode()).isEqualTo(400);
    assertThat(Http.object(sorted)).containsEntry("title", "Sort is not supported in stack mode");
  }

  @Test
  void countAnswersTotalAndAggregations() {
    submit(ERROR + "," + ERROR + ",{\"type\":\"log\",\"message\":\"hi\"}");

    Map<String, Object> count = Http.object(http.get(
        "/api/v2/events/count?aggregations=terms:type%20cardinality:stack%20cardinality:user", user));
    HttpResponse<String> bad = http.get("/api/v2/events/count?aggregations=avg:value", user);

    assertThat(count).containsEntry("total", 3.0);
    assertThat((Map<Object, Object>) (Map<?, ?>) count.get("aggregations")).containsEntry("cardinality_stack", Map.of("value", 2.0))
        .containsEntry("cardinality_user", Map.of("value", 1.0))
        .containsEntry("terms_type", Map.of("items", List.of(Map.of("key", "error", "total", 2.0),
            Map.of("key", "log", "total", 1.0))));
    assertThat(Http.object(http.get("/api/v2/projects/" + accounts.projectId() + "/events/count?filter=type:log",
        user))).containsEntry("total", 1.0);
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  void getByIdAndBulkDelete() {
    submit(logs(2));
    List<Map<String, Object>> stored = server.storedEvents();
    String a = (String) stored.get(0).get("id");
    String b = (String) stored.get(1).get("id");
    String missing = "000000000000000000000000";

    assertThat(Http.object(http.get("/api/v2/events/" + a, user))).containsEntry("id", a);
    assertThat(http.get("/api/v2/events/" + missing, user).statusCode()).isEqualTo(404);
    HttpResponse<String> partial = delete("/api/v2/events/" + a + "," + missing);
    assertThat(partial.statusCode()).isEqualTo(400);
    assertThat(Http.object(partial)).containsEntry("success", List.of(a));
    assertThat(delete("/api/v2/events/" + missing).statusCode()).isEqualTo(404);
    assertThat(delete("/api/v2/events/" + b).statusCode()).isEqualTo(202);
    assertThat(server.storedEvents()).isEmpty();
  }

  @Test
  void readPoliciesDenyClientKeysAndAUserKeyWithoutAUserGets401OnSearches() {
    submit(logs(1));
    String userKey = Http.bearer(accounts.userApiKey());
    String withUser = Http.bearer(server.addOrganizationToken(accounts.organizationId(), accounts.userId(), "user"));

    assertThat(http.get("/api/v2/events", client).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v2/events/count", client).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v2/events", userKey).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/v2/events/count", userKey).statusCode()).isEqualTo(200);
    assertThat(Http.array(http.get("/api/v2/events", withUser))).hasSize(1);
    assertThat(http.get("/api/v2/events", null).statusCode()).isEqualTo(401);
    String id = (String) server.storedEvents().get(0).get("id");
    assertThat(http.send("DELETE", "/api/v2/events/" + id, HttpRequest.BodyPublishers.noBody(), client)
        .statusCode()).isEqualTo(403);
  }

  @Test
  void aProcessingDelayHidesEventsUntilTheyAreProcessed() {
    server.setProcessingDelay(Duration.ofMillis(300));
    submit(logs(1));

    assertThat(Http.array(http.get("/api/v2/events", user))).isEmpty();
    assertThat(server.awaitStoredEvents(1, Duration.ofSeconds(5))).hasSize(1);
    assertThat(Http.array(http.get("/api/v2/events", user))).hasSize(1);
  }

  private void submit(String eventsJson) {
    HttpResponse<String> response = http.postJson("/api/v2/events", client, "[" + eventsJson + "]");
    assertThat(response.statusCode()).isEqualTo(202);
  }

  private static String logs(int count) {
    StringBuilder json = new StringBuilder();
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append(String.format("{\"type\":\"log\",\"message\":\"m%02d\","
          + "\"date\":\"2020-01-01T00:00:%02d+00:00\"}", i, i));
    }
    return json.toString();
  }

  private List<Object> messages(String path) {
    HttpResponse<String> response = http.get(path, user);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    List<Object> messages = new ArrayList<>();
    Http.array(response).forEach(e -> messages.add(e.get("message")));
    return messages;
  }

  private HttpResponse<String> delete(String path) {
    return http.send("DELETE", path, HttpRequest.BodyPublishers.noBody(), user);
  }

  /** Returns the path and query of the Link with this relation, or null. */
  private String link(HttpResponse<String> response, String rel) {
    for (String value : response.headers().allValues("Link")) {
      Matcher matcher = LINK.matcher(value);
      while (matcher.find()) {
        if (matcher.group(2).equals(rel)) {
          return matcher.group(1).substring(server.baseUrl().length());
        }
      }
    }
    return null;
  }
}
