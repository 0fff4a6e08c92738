package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectWritesTest extends SeededServerTest {
  @Test
  void createAnswers201WithLocationAndTheView() {
    HttpResponse<String> response = create("Hyperdrive");

    assertThat(response.statusCode()).isEqualTo(201);
    Map<String, Object> project = Http.object(response);
    assertThat(response.headers().firstValue("Location"))
        .hasValue(server.baseUrl() + "/api/v2/projects/" + project.get("id"));
    assertThat(project).containsEntry("name", "Hyperdrive").containsEntry("organization_name", "Acme")
        .containsEntry("delete_bot_data_enabled", true).containsEntry("promoted_tabs", List.of("Order"));
  }

  @Test
  void createRefusesEmptyAndDuplicateNamesAndForeignOrganizationsAndDefaultsTheOrganization() {
    HttpResponse<String> empty = create(" ");
    HttpResponse<String> duplicate = create("quantum toaster");
    HttpResponse<String> foreign = http.postJson("/api/v2/projects", user,
        "{\"organization_id\":\"" + server.addOrganization("Foreign") + "\",\"name\":\"X\"}");
    HttpResponse<String> noOrganization = http.postJson("/api/v2/projects", user, "{\"name\":\"X\"}");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Http.object(empty)).containsEntry("title", "Project name is required.");
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(Http.object(duplicate)).containsEntry("title", "A project with this name already exists.");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(noOrganization.statusCode()).isEqualTo(201);
    assertThat(Http.object(noOrganization)).containsEntry("organization_id", accounts.organizationId());
  }

  @Test
  void createPastThePlansProjectLimitIsUpgradeRequired() {
    server.setPlanLimits(PlanLimits.unlimited().withMaxProjectsPerOrganization(2));

    HttpResponse<String> response = create("Third");

    assertThat(response.statusCode()).isEqualTo(426);
    assertThat(Http.object(response)).containsEntry("title", "Please upgrade your plan to add additional projects.");
  }

  @Test
  void aUserKeyWithoutAUserGets401AndAClientKey403() {
    String body = "{\"organization_id\":\"" + accounts.organizationId() + "\",\"name\":\"X\"}";
    assertThat(http.postJson("/api/v2/projects", Http.bearer(accounts.userApiKey()), body).statusCode())
        .isEqualTo(401);
    assertThat(http.postJson("/api/v2/projects", Http.bearer(accounts.clientApiKey()), body).statusCode())
        .isEqualTo(403);
  }

  @Test
  void patchChangesOnlyWhatIsSentAndPutRefusesADuplicateName() {
    String path = "/api/v2/projects/" + accounts.projectId();

    HttpResponse<String> patched = send("PATCH", path, "{\"delete_bot_data_enabled\":true}");
    HttpResponse<String> duplicate = send("PUT", path, "{\"name\":\"Quantum Toaster\"}");
    HttpResponse<String> renamed = send("PUT", path, "{\"name\":\"Pistol\"}");

    assertThat(Http.object(patched)).containsEntry("name", "Disintegrating Pistol")
        .containsEntry("delete_bot_data_enabled", true);
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(Http.object(renamed)).containsEntry("name", "Pistol").containsEntry("delete_bot_data_enabled", true);
  }

  @Test
  void bulkDeleteRemovesTheProjectAndItsKeys() {
    String missing = "000000000000000000000000";

    HttpResponse<String> partial = send("DELETE", "/api/v2/projects/" + accounts.projectId() + "," + missing, null);

    assertThat(partial.statusCode()).isEqualTo(400);
    assertThat(Http.object(partial).get("failure")).isEqualTo(List.of(Map.of("allowed", false, "id", missing,
        "message", "Project not found.", "status_code", 404.0)));
    assertThat(http.get("/api/v2/projects/" + accounts.projectId(), user).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v2/projects/config", Http.bearer(accounts.clientApiKey())).statusCode())
        .isEqualTo(401);
    assertThat(send("DELETE", "/api/v2/projects/" + accounts.secondProjectId(), null).statusCode()).isEqualTo(202);
  }

  @Test
  void configSettingsBumpTheVersionAndNeedAKeyAndValue() {
    String config = "/api/v2/projects/" + accounts.projectId() + "/config";

    HttpResponse<String> set = http.postJson(config + "?key=%40%40log%3A*", user, "{\"value\":\"Info\"}");
    HttpResponse<String> noValue = http.postJson(config + "?key=a", user, "{\"value\":\"\"}");
    HttpResponse<String> noKey = http.postJson(config, user, "{\"value\":\"x\"}");
    Map<String, Object> afterSet = Http.object(http.get("/api/v2/projects/config",
        Http.bearer(accounts.clientApiKey())));
    HttpResponse<String> removed = send("DELETE", config + "?key=%40%40log%3A*", null);
    HttpResponse<String> absent = send("DELETE", config + "?key=absent", null);
    Map<String, Object> afterDelete = Http.object(http.get(config, user));

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(noValue.statusCode()).isEqualTo(400);
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(afterSet).containsEntry("version", 1.0).containsEntry("settings", Map.of("@@log:*", "Info"));
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(absent.statusCode()).isEqualTo(200);
    assertThat(afterDelete).containsEntry("version", 2.0).containsEntry("settings", Map.of());
    assertThat(http.postJson(config + "?key=a", Http.bearer(accounts.clientApiKey()), "{\"value\":\"x\"}")
        .statusCode()).isEqualTo(403);
  }

  @Test
  void checkNameAnswers201WhenTakenAnd204WhenAvailable() {
    String check = "/api/v2/organizations/" + accounts.organizationId() + "/projects/check-name?name=";

    HttpResponse<String> taken = http.get(check + "QUANTUM%20TOASTER", user);
    HttpResponse<String> available = http.get(check + "Warp", user);
    HttpResponse<String> itself = http.get(check + "Quantum%20Toaster&projectId=" + accounts.secondProjectId(), user);

    assertThat(taken.statusCode()).isEqualTo(201);
    assertThat(taken.headers().firstValue("Location")).isEmpty();
    assertThat(taken.body()).isEmpty();
    assertThat(available.statusCode()).isEqualTo(204);
    assertThat(itself.statusCode()).isEqualTo(204);
  }

  private HttpResponse<String> create(String name) {
    return http.postJson("/api/v2/projects", user, "{\"organization_id\":\"" + accounts.organizationId()
        + "\",\"name\":\"" + name + "\",\"delete_bot_data_enabled\":true,\"promoted_tabs\":[\"Order\"]}");
  }

  private HttpResponse<String> send(String method, String path, String json) {
    return json == null
        ? http.send(method, path, HttpRequest.BodyPublishers.noBody(), user)
        : http.send(method, path, HttpRequest.BodyPublishers.ofString(json), user, "Content-Type",
            "application/json");
  }
}
