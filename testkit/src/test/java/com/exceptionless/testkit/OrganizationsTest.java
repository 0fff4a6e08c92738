package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrganizationsTest extends SeededServerTest {
  @Test
  void listIsNotPagedAndShowsOnlyTheCallersOrganizations() {
    server.addOrganization("Foreign");

    HttpResponse<String> response = http.get("/api/v2/organizations", user);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Result-Count")).isEmpty();
    assertThat(response.headers().allValues("Link")).isEmpty();
    assertThat(Http.array(response)).extracting(o -> o.get("name")).containsExactly("Acme");
    assertThat(Http.array(response).get(0)).containsEntry("project_count", 0.0);
    assertThat(Http.array(http.get("/api/v2/organizations?mode=stats", user)).get(0))
        .containsEntry("project_count", 2.0);
    assertThat(Http.array(http.get("/api/v2/organizations?filter=nothing", user))).isEmpty();
  }

  @Test
  void createAnswers201WithLocationAndMakesTheCallerAMember() {
    HttpResponse<String> created = http.postJson("/api/v2/organizations", user, "{\"name\":\"Globex\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    String id = (String) Http.object(created).get("id");
    assertThat(created.headers().firstValue("Location"))
        .hasValue(server.baseUrl() + "/api/v2/organizations/" + id);
    assertThat(http.get("/api/v2/organizations/" + id, user).statusCode()).isEqualTo(200);
    assertThat(Http.array(http.get("/api/v2/organizations", user))).hasSize(2);
    assertThat(http.postJson("/api/v2/organizations", user, "{\"name\":\" \"}").statusCode()).isEqualTo(422);
  }

  @Test
  void createPastThePlanLimitIsUpgradeRequired() {
    server.setPlanLimits(PlanLimits.unlimited().withMaxOrganizationsPerUser(1));

    HttpResponse<String> response = http.postJson("/api/v2/organizations", user, "{\"name\":\"Globex\"}");

    assertThat(response.statusCode()).isEqualTo(426);
    assertThat(Http.object(response)).containsEntry("title",
        "Please upgrade your plan to add an additional organization.");
  }

  @Test
  void anApiKeyWithoutAUserCannotCreateAndAClientKeyIsForbidden() {
    assertThat(http.postJson("/api/v2/organizations", Http.bearer(accounts.userApiKey()), "{\"name\":\"X\"}")
        .statusCode()).isEqualTo(401);
    assertThat(http.get("/api/v2/organizations", Http.bearer(accounts.clientApiKey())).statusCode())
        .isEqualTo(403);
  }

  @Test
  void patchAndPutRenameAndUnknownIsNotFound() {
    String path = "/api/v2/organizations/" + accounts.organizationId();

    HttpResponse<String> patched = send("PATCH", path, "{\"name\":\"Acme 2\"}");
    HttpResponse<String> put = send("PUT", path, "{\"name\":\"Acme 3\"}");

    assertThat(Http.object(patched)).containsEntry("name", "Acme 2");
    assertThat(Http.object(put)).containsEntry("name", "Acme 3");
    assertThat(send("PATCH", "/api/v2/organizations/000000000000000000000000", "{\"name\":\"x\"}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void organizationProjectsArePagedAndTokensListed() {
    String projects = "/api/v2/organizations/" + accounts.organizationId() + "/projects";

    HttpResponse<String> page = http.get(projects + "?limit=1&sort=name", user);
    HttpResponse<String> tokens = http.get("/api/v2/organizations/" + accounts.organizationId() + "/tokens", user);

    assertThat(page.headers().firstValue("X-Result-Count")).hasValue("2");
    assertThat(Http.array(page)).extracting(p -> p.get("name")).containsExactly("Disintegrating Pistol");
    assertThat(page.headers().allValues("Link")).hasSize(1);
    assertThat(tokens.statusCode()).isEqualTo(200);
    assertThat(Http.array(tokens)).extracting(t -> t.get("id")).contains(accounts.clientApiKey(),
        accounts.userApiKey());
    assertThat(http.get("/api/v2/organizations/000000000000000000000000/projects", user).statusCode())
        .isEqualTo(404);
  }

  @Test
  void bulkDeleteRemovesTheOrganizationWithItsProjectsAndKeys() {
    String doomed = (String) Http.object(http.postJson("/api/v2/organizations", user, "{\"name\":\"Doomed\"}"))
        .get("id");
    String missing = "000000000000000000000000";

    HttpResponse<String> partial = send("DELETE", "/api/v2/organizations/" + doomed + "," + missing, null);
    HttpResponse<String> none = send("DELETE", "/api/v2/organizations/" + missing, null);
    HttpResponse<String> all = send("DELETE", "/api/v2/organizations/" + accounts.organizationId(), null);

    assertThat(partial.statusCode()).isEqualTo(400);
    assertThat(Http.object(partial)).containsEntry("success", List.of(doomed));
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(all.statusCode()).isEqualTo(202);
    assertThat(all.body()).isEqualTo("{\"workers\":[]}");
    assertThat(http.get("/api/v2/projects/config", Http.bearer(accounts.clientApiKey())).statusCode())
        .isEqualTo(401);
    assertThat(Http.array(http.get("/api/v2/projects", user))).isEmpty();
  }

  @Test
  void createOrganizationTokenHasNoProjectAndChecksMembership() {
    String path = "/api/v2/organizations/" + accounts.organizationId() + "/tokens";

    HttpResponse<String> created = http.send("POST", path, HttpRequest.BodyPublishers.noBody(), user);
    HttpResponse<String> foreign = http.postJson("/api/v2/organizations/" + server.addOrganization("Foreign")
        + "/tokens", user, "{}");
    HttpResponse<String> sourceMaps = http.postJson(path, user, "{\"scopes\":[\"source-maps:write\"]}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(Http.object(created)).containsEntry("organization_id", accounts.organizationId())
        .doesNotContainKey("project_id").containsEntry("scopes", List.of("client"));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(Http.object(foreign)).containsEntry("title", "Invalid organization.");
    assertThat(sourceMaps.statusCode()).isEqualTo(422);
    assertThat(http.postJson(path, Http.bearer(accounts.userApiKey()), "{}").statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> send(String method, String path, String json) {
    return json == null
        ? http.send(method, path, HttpRequest.BodyPublishers.noBody(), user)
        : http.send(method, path, HttpRequest.BodyPublishers.ofString(json), user, "Content-Type",
            "application/json");
  }

  static List<String> names(List<Map<String, Object>> items) {
    return items.stream().map(i -> (String) i.get("name")).collect(Collectors.toList());
  }
}
