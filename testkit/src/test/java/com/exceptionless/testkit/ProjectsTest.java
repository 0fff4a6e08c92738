package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectsTest {
  private ExceptionlessTestServer server;
  private Http http;
  private TestAccounts accounts;
  private String user;

  @BeforeEach
  void start() {
    restartWith(ExceptionlessTestServer.builder());
  }

  private void restartWith(ExceptionlessTestServer.Builder builder) {
    if (server != null) {
      server.close();
    }
    server = builder.start();
    http = new Http(server);
    accounts = server.accounts();
    user = Http.basic(accounts.userEmail(), accounts.userPassword());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listsTheCallersProjectsSortedByNameWithResultCount() {
    HttpResponse<String> response = http.get("/api/v2/projects", user);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Result-Count")).hasValue("2");
    assertThat(response.headers().allValues("Link")).isEmpty();
    List<Map<String, Object>> projects = Http.array(response);
    assertThat(projects).extracting(p -> p.get("name"))
        .containsExactly(accounts.projectName(), accounts.secondProjectName());
    Map<String, Object> first = projects.get(0);
    assertThat(first).containsEntry("id", accounts.projectId())
        .containsEntry("organization_id", accounts.organizationId())
        .containsEntry("organization_name", accounts.organizationName())
        .containsEntry("event_count", 0.0).containsEntry("promoted_tabs", List.of())
        .containsEntry("usage", List.of()).doesNotContainKey("data");
    assertThat((String) first.get("created_utc")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
  }

  @Test
  void pagesWithSeparateLinkHeaderValuesKeepingOtherParameters() {
    for (int i = 0; i < 23; i++) {
      server.addProject(accounts.organizationId(), String.format("Extra %02d", i));
    }

    HttpResponse<String> response = http.get("/api/v2/projects?limit=10&sort=name&page=2", user);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Result-Count")).hasValue("25");
    assertThat(Http.array(response)).hasSize(10);
    String base = server.baseUrl() + "/api/v2/projects";
    assertThat(response.headers().allValues("Link")).containsExactly(
        "<" + base + "?limit=10&sort=name&page=1>; rel=\"previous\"",
        "<" + base + "?limit=10&sort=name&page=3>; rel=\"next\"");

    HttpResponse<String> last = http.get("/api/v2/projects?limit=10&page=3", user);
    assertThat(Http.array(last)).hasSize(5);
    assertThat(last.headers().allValues("Link")).containsExactly(
        "<" + base + "?limit=10&page=2>; rel=\"previous\"");

    HttpResponse<String> firstPage = http.get("/api/v2/projects?limit=10", user);
    assertThat(firstPage.headers().allValues("Link")).containsExactly(
        "<" + base + "?limit=10&page=2>; rel=\"next\"");
  }

  @Test
  void defaultsAndClampsPageAndLimit() {
    for (int i = 0; i < 12; i++) {
      server.addProject(accounts.organizationId(), "Extra " + i);
    }

    assertThat(Http.array(http.get("/api/v2/projects", user))).hasSize(10);
    assertThat(Http.array(http.get("/api/v2/projects?page=0&limit=0", user))).hasSize(10);
    assertThat(Http.array(http.get("/api/v2/projects?limit=5000", user))).hasSize(14);
    assertThat(http.get("/api/v2/projects?page=abc", user).statusCode()).isEqualTo(400);
  }

  @Test
  void stopsPagingAtTheMaximumSkip() {
    for (int i = 0; i < 1008; i++) {
      server.addProject(accounts.organizationId(), String.format("Bulk %04d", i));
    }

    HttpResponse<String> withNext = http.get("/api/v2/projects?limit=100&page=8", user);
    assertThat(withNext.headers().allValues("Link")).anyMatch(l -> l.endsWith("rel=\"next\""));

    HttpResponse<String> nextWouldPassTheLimit = http.get("/api/v2/projects?limit=100&page=9", user);
    assertThat(Http.array(nextWouldPassTheLimit)).hasSize(100);
    assertThat(nextWouldPassTheLimit.headers().allValues("Link")).hasSize(1)
        .allMatch(l -> l.endsWith("rel=\"previous\""));

    assertThat(Http.array(http.get("/api/v2/projects?limit=100&page=11", user))).hasSize(10);
    HttpResponse<String> beyond = http.get("/api/v2/projects?limit=100&page=12", user);
    assertThat(Http.array(beyond)).isEmpty();
    assertThat(beyond.headers().firstValue("X-Result-Count")).hasValue("1010");
  }

  @Test
  void filtersByOrganizationProjectNameAndFreeTextAndSorts() {
    // The seed dates its projects a millisecond apart: on the system clock a project added within that
    // millisecond could tie with them. A clock moved on by a minute makes the newest project unambiguous.
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    restartWith(ExceptionlessTestServer.builder().clock(clock));
    clock.advance(Duration.ofMinutes(1));
    String otherOrg = server.addOrganization("Other", accounts.userId());
    String other = server.addProject(otherOrg, "Zebra Cannon");

    assertThat(names("/api/v2/projects?filter=organization:" + otherOrg)).containsExactly("Zebra Cannon");
    assertThat(names("/api/v2/projects?filter=project:" + accounts.secondProjectId()))
        .containsExactly(accounts.secondProjectName());
    assertThat(names("/api/v2/projects?filter=name:%22quantum%20toaster%22")).containsExactly("Quantum Toaster");
    assertThat(names("/api/v2/projects?filter=pistol")).containsExactly(accounts.projectName());
    assertThat(names("/api/v2/projects?sort=-name"))
        .containsExactly("Zebra Cannon", "Quantum Toaster", "Disintegrating Pistol");
    assertThat(names("/api/v2/projects?sort=-created").get(0)).isEqualTo("Zebra Cannon");
    assertThat(http.get("/api/v2/projects/" + other, user).statusCode()).isEqualTo(200);
  }

  @Test
  void clientApiKeyIsForbiddenButUserApiKeySeesItsOrganization() {
    HttpResponse<String> client = http.get("/api/v2/projects", Http.bearer(accounts.clientApiKey()));
    String otherOrg = server.addOrganization("Elsewhere");
    server.addProject(otherOrg, "Hidden");

    assertThat(client.statusCode()).isEqualTo(403);
    assertThat(Http.object(client)).containsEntry("title", "Forbidden");
    assertThat(client.headers().firstValue("X-RateLimit-Limit")).isEmpty();
    HttpResponse<String> userKey = http.get("/api/v2/projects", Http.bearer(accounts.userApiKey()));
    assertThat(userKey.statusCode()).isEqualTo(200);
    assertThat(Http.array(userKey)).hasSize(2);
  }

  @Test
  void callerWithoutOrganizationsGetsAnEmptyList() {
    server.addUser("lonely@exceptionless.test", "lonely-password", false);

    HttpResponse<String> response = http.get("/api/v2/projects",
        Http.basic("lonely@exceptionless.test", "lonely-password"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
    assertThat(response.headers().firstValue("X-Result-Count")).hasValue("0");
  }

  @Test
  void getsOneProjectOrProjectNotFound() {
    String foreign = server.addProject(server.addOrganization("Foreign"), "Foreign project");

    HttpResponse<String> found = http.get("/api/v2/projects/" + accounts.projectId(), user);
    HttpResponse<String> otherOrganization = http.get("/api/v2/projects/" + foreign, user);
    HttpResponse<String> unknown = http.get("/api/v2/projects/000000000000000000000000", user);
    HttpResponse<String> badId = http.get("/api/v2/projects/not-an-id", user);

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(Http.object(found)).containsEntry("name", accounts.projectName());
    assertThat(Http.object(otherOrganization)).containsEntry("title", "Project not found.")
        .containsEntry("status", 404.0);
    assertThat(Http.object(unknown)).containsEntry("title", "Project not found.");
    assertThat(badId.statusCode()).isEqualTo(404);
    String admin = Http.basic(accounts.adminEmail(), accounts.adminPassword());
    assertThat(http.get("/api/v2/projects/" + foreign, admin).statusCode()).isEqualTo(200);
  }

  @Test
  void statsModeCountsReceivedEvents() {
    http.postJson("/api/v2/events", Http.bearer(accounts.clientApiKey()),
        "[{\"type\":\"log\",\"message\":\"a\"},{\"type\":\"log\",\"message\":\"a\"},"
            + "{\"type\":\"error\",\"message\":\"b\"}]");

    Map<String, Object> stats = Http.object(http.get("/api/v2/projects/" + accounts.projectId() + "?mode=STATS", user));
    Map<String, Object> light = Http.object(http.get("/api/v2/projects/" + accounts.projectId(), user));

    assertThat(stats).containsEntry("event_count", 3.0).containsEntry("stack_count", 2.0);
    assertThat((List<?>) stats.get("usage")).hasSize(1);
    assertThat(light).containsEntry("event_count", 0.0).containsEntry("is_configured", true);
  }

  private List<String> names(String path) {
    HttpResponse<String> response = http.get(path, user);
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.array(response).stream().map(p -> (String) p.get("name")).collect(Collectors.toList());
  }
}
