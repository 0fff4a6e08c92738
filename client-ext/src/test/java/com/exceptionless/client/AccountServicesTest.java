package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.NewProject;
import com.exceptionless.client.model.NewToken;
import com.exceptionless.client.model.UpdateProject;
import com.exceptionless.client.model.UpdateToken;
import com.exceptionless.client.model.ViewToken;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The project, token and auth operations added besides listing. */
class AccountServicesTest extends WireMockSupport {
  static final String OTHER_PROJECT_ID = "537650f3b77efe23a47914f5";

  @Test
  void createUpdateAndReplaceAProjectSendTheExactJson() {
    server.stubFor(post("/api/v2/projects").willReturn(OrganizationServiceTest.json(201, projectJson(PROJECT_ID, "Pistol"))));
    server.stubFor(patch("/api/v2/projects/" + PROJECT_ID).willReturn(OrganizationServiceTest.json(200, projectJson(PROJECT_ID, "Ray Gun"))));
    server.stubFor(put("/api/v2/projects/" + PROJECT_ID).willReturn(OrganizationServiceTest.json(200, projectJson(PROJECT_ID, "Ray Gun"))));
    ExceptionlessClient client = userClient();

    client.projects().create(NewProject.builder().organizationId(ORGANIZATION_ID).name("Pistol").deleteBotDataEnabled(true).build());
    client.projects().update(PROJECT_ID, UpdateProject.builder().name("Ray Gun").build());
    assertThat(client.projects().replace(PROJECT_ID, UpdateProject.builder().deleteBotDataEnabled(false).build()).getName())
        .isEqualTo("Ray Gun");

    server.verify(postRequestedFor(urlEqualTo("/api/v2/projects")).withRequestBody(equalToJson(
        "{\"organization_id\":\"" + ORGANIZATION_ID + "\",\"name\":\"Pistol\",\"delete_bot_data_enabled\":true}")));
    server.verify(patchRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID)).withRequestBody(equalToJson("{\"name\":\"Ray Gun\"}")));
    server.verify(putRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID))
        .withRequestBody(equalToJson("{\"delete_bot_data_enabled\":false}")));
    assertThatThrownBy(() -> client.projects().create(NewProject.builder().organizationId(ORGANIZATION_ID).name(" ")
        .deleteBotDataEnabled(false).build()))
        .hasMessageContaining("project.name is blank");
  }

  @Test
  void deleteProjectsSendsTheCommaListAndReportsSuccess() {
    server.stubFor(delete("/api/v2/projects/" + PROJECT_ID + "," + OTHER_PROJECT_ID).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"workers\":[\"w1\"]}")));

    BulkResult result = userClient().projects().delete(Arrays.asList(PROJECT_ID, OTHER_PROJECT_ID));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.succeeded()).containsExactly(PROJECT_ID, OTHER_PROJECT_ID);
    server.verify(deleteRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "," + OTHER_PROJECT_ID)));
  }

  @Test
  void configSettingsOfAProjectAreReadSetAndDeleted() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/config")).willReturn(OrganizationServiceTest.json(200,
        "{\"version\":5,\"settings\":{\"@@log:*\":\"Info\"}}")));
    server.stubFor(post(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/config")).willReturn(aResponse().withStatus(200)));
    server.stubFor(delete(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/config")).willReturn(aResponse().withStatus(200)));
    ExceptionlessClient client = userClient();

    ClientConfiguration config = client.projects().config(PROJECT_ID);
    client.projects().setConfigSetting(PROJECT_ID, "@@log:*", "Warn");
    client.projects().deleteConfigSetting(PROJECT_ID, "@@log:*");

    assertThat(config.getVersion()).isEqualTo(5);
    assertThat(config.getSettings()).containsEntry("@@log:*", "Info");
    server.verify(postRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/config?key=%40%40log%3A*"))
        .withHeader("Content-Type", equalTo("application/json")).withRequestBody(equalToJson("{\"value\":\"Warn\"}")));
    server.verify(deleteRequestedFor(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/config"))
        .withQueryParam("key", equalTo("@@log:*")));
  }

  @Test
  void isNameTakenReadsTheStatus() {
    String path = "/api/v2/organizations/" + ORGANIZATION_ID + "/projects/check-name";
    server.stubFor(get(urlPathEqualTo(path)).withQueryParam("name", equalTo("Pistol")).willReturn(aResponse().withStatus(201)));
    server.stubFor(get(urlPathEqualTo(path)).withQueryParam("name", equalTo("Toaster")).willReturn(aResponse().withStatus(204)));
    ExceptionlessClient client = userClient();

    assertThat(client.projects().isNameTaken(ORGANIZATION_ID, "Pistol")).isTrue();
    assertThat(client.projects().isNameTaken(ORGANIZATION_ID, "Toaster", PROJECT_ID)).isFalse();
    server.verify(getRequestedFor(urlEqualTo(path + "?name=Toaster&projectId=" + PROJECT_ID)));
  }

  @Test
  void createTokenPostsToTheTokensRouteAndNeedsAProject() {
    String token = TokenServiceTest.NEW_TOKEN;
    server.stubFor(post("/api/v2/tokens").willReturn(OrganizationServiceTest.json(201, tokenJson(token, "\"client\"", false))));

    ViewToken created = userClient().tokens().create(NewToken.builder().projectId(PROJECT_ID).notes("ci").build());

    assertThat(created.getId()).isEqualTo(token);
    server.verify(postRequestedFor(urlEqualTo("/api/v2/tokens"))
        .withRequestBody(equalToJson("{\"project_id\":\"" + PROJECT_ID + "\",\"notes\":\"ci\"}")));
    assertThatThrownBy(() -> userClient().tokens().create(NewToken.builder().notes("x").build()))
        .hasMessageContaining("token.projectId is required");
  }

  @Test
  void replaceTokenUsesPut() {
    String token = TokenServiceTest.NEW_TOKEN;
    server.stubFor(put("/api/v2/tokens/" + token).willReturn(OrganizationServiceTest.json(200, tokenJson(token, "\"client\"", true))));

    assertThat(userClient().tokens().replace(token, UpdateToken.builder().isDisabled(true).notes("off").build()).getIsDisabled()).isTrue();
    server.verify(putRequestedFor(urlEqualTo("/api/v2/tokens/" + token))
        .withRequestBody(equalToJson("{\"is_disabled\":true,\"notes\":\"off\"}")));
  }

  @Test
  void logoutSendsTheLoginTokenAndRefusesAnApiKeyBeforeSending() {
    server.stubFor(get("/api/v2/auth/logout").willReturn(aResponse().withStatus(200)));

    userClient().auth().logout();

    server.verify(getRequestedFor(urlEqualTo("/api/v2/auth/logout")).withHeader("Authorization", equalTo("Bearer " + USER_TOKEN)));
    server.resetRequests();
    assertThatThrownBy(() -> apiKeyClient().auth().logout()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Logging out cannot use an API key.");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void bulkIdsOfTheWrongKindAreRefusedBeforeSending() {
    assertThatThrownBy(() -> userClient().projects().delete(Collections.singletonList(TokenServiceTest.NEW_TOKEN)))
        .hasMessageContaining("projectIds[0]");
    assertThatThrownBy(() -> userClient().projects().delete(Arrays.asList(PROJECT_ID, null)))
        .isInstanceOf(NullPointerException.class).hasMessage("projectIds[1] == null");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
