package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokensTest extends SeededServerTest {
  private String projectTokens;

  @BeforeEach
  void start() {
    projectTokens = "/api/v2/projects/" + accounts.projectId() + "/tokens";
  }

  @Test
  void anyApiKeyIsForbiddenOnEveryTokenRouteWithTheServersMessage() {
    String userKey = Http.bearer(accounts.userApiKey());
    String someToken = "/api/v2/tokens/" + accounts.clientApiKey();

    assertForbidden(http.get(projectTokens, userKey), "Token authentication cannot access tokens.");
    assertForbidden(http.get(projectTokens + "/default", userKey), "Token authentication cannot access tokens.");
    assertForbidden(http.get(someToken, userKey), "Token authentication cannot access tokens.");
    assertForbidden(http.postJson(projectTokens, userKey, "{}"), "Token authentication cannot create tokens.");
    assertForbidden(send("PATCH", someToken, userKey, "{\"notes\":\"x\"}"),
        "Token authentication cannot update tokens.");
    assertForbidden(send("PUT", someToken, userKey, "{\"notes\":\"x\"}"),
        "Token authentication cannot update tokens.");
    assertForbidden(send("DELETE", someToken, userKey, null), "Token authentication cannot delete tokens.");
    HttpResponse<String> clientKey = http.get(projectTokens, Http.bearer(accounts.clientApiKey()));
    assertThat(clientKey.statusCode()).isEqualTo(403);
  }

  @Test
  void createWithoutBodyMakesAClientKeyWithLocation() {
    HttpResponse<String> response = http.send("POST", projectTokens, HttpRequest.BodyPublishers.noBody(), user);

    assertThat(response.statusCode()).isEqualTo(201);
    Map<String, Object> token = Http.object(response);
    String id = (String) token.get("id");
    assertThat(id).matches("[A-Za-z0-9]{40}");
    assertThat(response.headers().firstValue("Location")).hasValue(server.baseUrl() + "/api/v2/tokens/" + id);
    assertThat(token).containsEntry("scopes", List.of("client"))
        .containsEntry("organization_id", accounts.organizationId())
        .containsEntry("project_id", accounts.projectId()).containsEntry("is_disabled", false)
        .doesNotContainKeys("user_id", "default_project_id", "expires_utc", "notes");
  }

  @Test
  void createAppliesTheScopeRulesAndOverwritesOrganizationAndProject() {
    HttpResponse<String> userScoped = http.postJson(projectTokens, user,
        "{\"organization_id\":\"000000000000000000000000\",\"project_id\":\"000000000000000000000000\","
            + "\"default_project_id\":\"" + accounts.secondProjectId() + "\","
            + "\"scopes\":[\"USER\"],\"notes\":\"ci key\",\"expires_utc\":\"2030-01-01T00:00:00Z\"}");
    HttpResponse<String> invalid = http.postJson(projectTokens, user, "{\"scopes\":[\"admin\"]}");
    HttpResponse<String> globalByNormalUser = http.postJson(projectTokens, user, "{\"scopes\":[\"global\"]}");
    String admin = Http.basic(accounts.adminEmail(), accounts.adminPassword());
    HttpResponse<String> globalByAdmin = http.postJson(projectTokens, admin, "{\"scopes\":[\"global\"]}");

    assertThat(userScoped.statusCode()).isEqualTo(201);
    assertThat(Http.object(userScoped)).containsEntry("scopes", List.of("user", "client"))
        .containsEntry("organization_id", accounts.organizationId())
        .containsEntry("project_id", accounts.projectId()).containsEntry("notes", "ci key")
        .containsEntry("expires_utc", "2030-01-01T00:00:00.0000000Z").doesNotContainKey("default_project_id");
    for (HttpResponse<String> response : List.of(invalid, globalByNormalUser)) {
      assertThat(response.statusCode()).isEqualTo(422);
      assertThat(Http.object(response)).containsEntry("errors",
          Map.of("scopes", List.of("Invalid token scope requested.")));
    }
    assertThat(globalByAdmin.statusCode()).isEqualTo(201);
    assertThat(Http.object(globalByAdmin)).containsEntry("scopes", List.of("global", "user", "client"));
  }

  @Test
  void createForAnotherOrganizationsProjectIsProjectNotFound() {
    String foreign = server.addProject(server.addOrganization("Foreign"), "Foreign");

    HttpResponse<String> response = http.postJson("/api/v2/projects/" + foreign + "/tokens", user, "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.object(response)).containsEntry("title", "Project not found.");
  }

  @Test
  void defaultTokenReturnsTheSeededClientKeyOrCreatesOne() {
    HttpResponse<String> existing = http.get(projectTokens + "/default", user);
    String newProject = server.addProject(accounts.organizationId(), "Fresh");
    HttpResponse<String> created = http.get("/api/v2/projects/" + newProject + "/tokens/default", user);
    HttpResponse<String> again = http.get("/api/v2/projects/" + newProject + "/tokens/default", user);

    assertThat(existing.statusCode()).isEqualTo(200);
    assertThat(Http.object(existing)).containsEntry("id", accounts.clientApiKey());
    assertThat(created.statusCode()).isEqualTo(201);
    String id = (String) Http.object(created).get("id");
    assertThat(created.headers().firstValue("Location")).hasValue(server.baseUrl() + "/api/v2/tokens/" + id);
    assertThat(Http.object(created)).containsEntry("scopes", List.of("client"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Http.object(again)).containsEntry("id", id);
  }

  @Test
  void listsTheProjectsAccessTokensOldestFirstWithPaging() {
    for (int i = 0; i < 11; i++) {
      http.postJson(projectTokens, user, "{\"notes\":\"key " + i + "\"}");
    }

    HttpResponse<String> first = http.get(projectTokens, user);
    HttpResponse<String> second = http.get(projectTokens + "?page=2", user);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("X-Result-Count")).hasValue("12");
    List<Map<String, Object>> page = Http.array(first);
    assertThat(page).hasSize(10);
    assertThat(page.get(0)).containsEntry("id", accounts.clientApiKey());
    assertThat(first.headers().allValues("Link")).containsExactly(
        "<" + server.baseUrl() + projectTokens + "?page=2>; rel=\"next\"");
    assertThat(Http.array(second)).hasSize(2);
    assertThat(Http.array(http.get(projectTokens + "?limit=500", user))).hasSize(12);
  }

  @Test
  void disablingAKeyMakesItFailAuthentication() {
    String key = accounts.clientApiKey();
    assertThat(http.get("/api/v2/projects/config", Http.bearer(key)).statusCode()).isEqualTo(200);

    HttpResponse<String> patched = send("PATCH", "/api/v2/tokens/" + key, user, "{\"is_disabled\":true}");

    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(Http.object(patched)).containsEntry("is_disabled", true).containsEntry("notes", "Seeded client key");
    assertThat(http.get("/api/v2/projects/config", Http.bearer(key)).statusCode()).isEqualTo(401);

    HttpResponse<String> notes = send("PUT", "/api/v2/tokens/" + key, user, "{\"notes\":\"renamed\"}");
    assertThat(Http.object(notes)).containsEntry("is_disabled", true).containsEntry("notes", "renamed");
    server.setTokenDisabled(key, false);
    assertThat(http.get("/api/v2/projects/config", Http.bearer(key)).statusCode()).isEqualTo(200);
  }

  @Test
  void updateWithoutBodyIsBadRequestAndUnknownTokenIsNotFound() {
    HttpResponse<String> noBody = send("PATCH", "/api/v2/tokens/" + accounts.clientApiKey(), user, null);
    HttpResponse<String> unknown = send("PATCH", "/api/v2/tokens/unknownunknownunknownunknown", user, "{}");

    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(Http.object(noBody)).containsKey("errors");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v2/tokens/" + accounts.userApiKey(), user).statusCode()).isEqualTo(200);
  }

  @Test
  void bulkDeleteAnswers202Or404OrPartial400() {
    String a = (String) Http.object(http.postJson(projectTokens, user, "{}")).get("id");
    String b = (String) Http.object(http.postJson(projectTokens, user, "{}")).get("id");
    String c = (String) Http.object(http.postJson(projectTokens, user, "{}")).get("id");
    String missing = "missingmissingmissingmissing";

    HttpResponse<String> all = send("DELETE", "/api/v2/tokens/" + a + "," + b, user, null);
    HttpResponse<String> none = send("DELETE", "/api/v2/tokens/" + missing, user, null);
    HttpResponse<String> partial = send("DELETE", "/api/v2/tokens/" + c + "," + missing, user, null);

    assertThat(all.statusCode()).isEqualTo(202);
    assertThat(all.body()).isEqualTo("{\"workers\":[]}");
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(partial.statusCode()).isEqualTo(400);
    assertThat(partial.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    Map<String, Object> result = Http.object(partial);
    assertThat(result).containsEntry("workers", List.of()).containsEntry("success", List.of(c));
    assertThat(result.get("failure")).isEqualTo(List.of(Map.of("allowed", false, "id", missing,
        "message", "Token not found.", "status_code", 404.0)));
    assertThat(http.get("/api/v2/tokens/" + a, user).statusCode()).isEqualTo(404);
  }

  @Test
  void postTokensNeedsAProjectIdAndAVisibleProject() {
    HttpResponse<String> noProject = http.postJson("/api/v2/tokens", user, "{\"scopes\":[\"client\"]}");
    HttpResponse<String> malformed = http.postJson("/api/v2/tokens", user, "{\"project_id\":\"nope\"}");
    HttpResponse<String> foreign = http.postJson("/api/v2/tokens", user,
        "{\"project_id\":\"" + server.addProject(server.addOrganization("Foreign"), "F") + "\"}");
    HttpResponse<String> created = http.postJson("/api/v2/tokens", user, "{\"organization_id\":"
        + "\"000000000000000000000000\",\"project_id\":\"" + accounts.projectId() + "\",\"notes\":\"ci\"}");
    HttpResponse<String> noBody = http.send("POST", "/api/v2/tokens", HttpRequest.BodyPublishers.noBody(), user);

    assertThat(noProject.statusCode()).isEqualTo(400);
    assertThat(Http.object(noProject)).containsEntry("errors",
        Map.of("project_id", List.of("The project_id field is required.")));
    assertThat(malformed.statusCode()).isEqualTo(422);
    assertThat(foreign.statusCode()).isEqualTo(422);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(Http.object(created)).containsEntry("organization_id", accounts.organizationId())
        .containsEntry("project_id", accounts.projectId()).containsEntry("notes", "ci");
    assertThat(created.headers().firstValue("Location")).isPresent();
    assertThat(noBody.statusCode()).isEqualTo(400);
    assertThat(http.postJson("/api/v2/tokens", Http.bearer(accounts.userApiKey()),
        "{\"project_id\":\"" + accounts.projectId() + "\"}").statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> send(String method, String path, String authorization, String json) {
    return json == null
        ? http.send(method, path, HttpRequest.BodyPublishers.noBody(), authorization)
        : http.send(method, path, HttpRequest.BodyPublishers.ofString(json), authorization,
            "Content-Type", "application/json");
  }

  private static void assertForbidden(HttpResponse<String> response, String title) {
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.object(response)).containsEntry("title", title).containsEntry("status", 403.0);
  }
}
