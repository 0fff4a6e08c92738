package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.model.NewToken;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.ViewOrganization;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import com.exceptionless.client.paging.Page;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationServiceTest extends WireMockSupport {
  static final String OTHER_ORGANIZATION_ID = "537650f3b77efe23a47914f9";

  @Test
  void listReadsTheUnpagedListWithFilterAndStats() {
    server.stubFor(get(urlPathEqualTo("/api/v2/organizations")).willReturn(json(200, "[" + organizationJson(ORGANIZATION_ID, "Acme") + "]")));

    List<ViewOrganization> organizations = userClient().organizations().list("name:Acme", true);

    server.verify(getRequestedFor(urlEqualTo("/api/v2/organizations?filter=name%3AAcme&mode=stats"))
        .withHeader("Authorization", equalTo("Bearer " + USER_TOKEN)));
    assertThat(organizations).singleElement().satisfies(o -> {
      assertThat(o.getId()).isEqualTo(ORGANIZATION_ID);
      assertThat(o.getName()).isEqualTo("Acme");
    });
  }

  @Test
  void getCreateAndUpdateSendTheNameAsJson() {
    server.stubFor(get("/api/v2/organizations/" + ORGANIZATION_ID).willReturn(json(200, organizationJson(ORGANIZATION_ID, "Acme"))));
    server.stubFor(post("/api/v2/organizations").willReturn(json(201, organizationJson(OTHER_ORGANIZATION_ID, "Initech"))));
    server.stubFor(put("/api/v2/organizations/" + ORGANIZATION_ID).willReturn(json(200, organizationJson(ORGANIZATION_ID, "Acme Corp"))));
    ExceptionlessClient client = userClient();

    assertThat(client.organizations().get(ORGANIZATION_ID).getName()).isEqualTo("Acme");
    assertThat(client.organizations().create(" Initech ").getId()).isEqualTo(OTHER_ORGANIZATION_ID);
    assertThat(client.organizations().update(ORGANIZATION_ID, "Acme Corp").getName()).isEqualTo("Acme Corp");

    server.verify(postRequestedFor(urlEqualTo("/api/v2/organizations")).withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"name\":\"Initech\"}")));
    server.verify(putRequestedFor(urlEqualTo("/api/v2/organizations/" + ORGANIZATION_ID))
        .withRequestBody(equalToJson("{\"name\":\"Acme Corp\"}")));
    assertThatThrownBy(() -> client.organizations().create(" ")).hasMessageContaining("name is blank");
  }

  @Test
  void deleteReportsAPartialFailureAsATypedResult() {
    server.stubFor(delete("/api/v2/organizations/" + ORGANIZATION_ID + "," + OTHER_ORGANIZATION_ID).willReturn(aResponse()
        .withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"workers\":[],\"success\":[\"" + ORGANIZATION_ID + "\"],\"failure\":[{\"allowed\":false,\"id\":\""
            + OTHER_ORGANIZATION_ID + "\",\"message\":\"An organization cannot be deleted if it has a subscription.\",\"status_code\":400}]}")));

    BulkResult result = userClient().organizations().delete(Arrays.asList(ORGANIZATION_ID, OTHER_ORGANIZATION_ID));

    assertThat(result.succeeded()).containsExactly(ORGANIZATION_ID);
    assertThat(result.failed()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(OTHER_ORGANIZATION_ID);
      assertThat(f.statusCode()).isEqualTo(400);
    });
  }

  @Test
  void deleteChecksEveryIdBeforeSending() {
    assertThatThrownBy(() -> userClient().organizations().delete(Arrays.asList(ORGANIZATION_ID, "nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("organizationIds[1] \"nope\" is not an Exceptionless id");
    assertThatThrownBy(() -> userClient().organizations().delete(java.util.Collections.emptyList()))
        .hasMessageContaining("organizationIds is empty");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void projectsOfAnOrganizationArePagedWithTheQuery() {
    server.stubFor(get(urlPathEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/projects")).willReturn(json(200,
        "[" + projectJson(PROJECT_ID, "Disintegrating Pistol") + "]").withHeader("X-Result-Count", "1")));

    Page<ViewProject> page = userClient().organizations().projects(ORGANIZATION_ID,
        ProjectQuery.builder().sort("name").page(1).limit(25).stats(true).build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/projects?sort=name&page=1&limit=25&mode=stats")));
    assertThat(page.items()).extracting(ViewProject::getName).containsExactly("Disintegrating Pistol");
    assertThat(page.totalCount()).hasValue(1);
  }

  @Test
  void tokensAndCreateTokenUseTheOrganizationRoutes() {
    String token = TokenServiceTest.NEW_TOKEN;
    server.stubFor(get(urlPathEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/tokens")).willReturn(json(200,
        "[" + tokenJson(token, "\"client\"", false) + "]").withHeader("X-Result-Count", "1")));
    server.stubFor(post("/api/v2/organizations/" + ORGANIZATION_ID + "/tokens").willReturn(json(201, tokenJson(token, "\"user\",\"client\"", false))));

    Page<ViewToken> page = userClient().organizations().tokens(ORGANIZATION_ID, 2, 5);
    ViewToken created = userClient().organizations().createToken(ORGANIZATION_ID,
        NewToken.builder().addScopesItem(TokenScope.USER).notes("ops").build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/tokens?page=2&limit=5")));
    server.verify(postRequestedFor(urlEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/tokens"))
        .withRequestBody(equalToJson("{\"organization_id\":\"" + ORGANIZATION_ID + "\",\"scopes\":[\"user\"],\"notes\":\"ops\"}")));
    assertThat(page.items()).hasSize(1);
    assertThat(created.getScopes()).contains(TokenScope.USER);
    assertThatThrownBy(() -> apiKeyClient().organizations().allTokens(ORGANIZATION_ID).iterator().hasNext())
        .hasMessageContaining("Token management needs a user login token");
  }

  @Test
  void aForbiddenReadSaysWhichRoleIsNeeded() {
    server.stubFor(get(urlPathEqualTo("/api/v2/organizations")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Forbidden\",\"status\":403}")));

    assertThatThrownBy(() -> apiKeyClient().organizations().list()).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("403 Forbidden on GET api/v2/organizations").hasMessageContaining("needs the user role");
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static String organizationJson(String id, String name) {
    return "{\"id\":\"" + id + "\",\"created_utc\":\"2026-11-28T12:00:00Z\",\"updated_utc\":\"2026-11-28T12:00:00Z\",\"name\":\""
        + name + "\",\"plan_id\":\"EX_FREE\",\"billing_status\":1,\"is_suspended\":false,\"invites\":[],\"usage\":[],"
        + "\"usage_hours\":[],\"features\":[]}";
  }
}
