package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class TokenServiceTest extends WireMockSupport {
  static final String NEW_TOKEN = "Xk3mN9pQ2rS5tU8vW1yZ4aB7cD0eF3gH6iJ9kL2m";
  static final String OTHER_TOKEN = "Ab3mN9pQ2rS5tU8vW1yZ4aB7cD0eF3gH6iJ9kL2m";

  @Test
  void createClientTokenSendsBothIdsAndTheClientScopeAndReturnsTheRedactedToken() {
    server.stubFor(post("/api/v2/projects/" + PROJECT_ID + "/tokens").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withHeader("Location", baseUrl() + "/api/v2/tokens/" + NEW_TOKEN)
        .withBody(tokenJson(NEW_TOKEN, "\"client\"", false))));

    ViewToken token = userClient().tokens().createClientToken(project(), "deploy pipeline");

    server.verify(postRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/tokens"))
        .withHeader("Authorization", equalTo("Bearer " + USER_TOKEN))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"organization_id\":\"" + ORGANIZATION_ID + "\",\"project_id\":\"" + PROJECT_ID
            + "\",\"scopes\":[\"client\"],\"notes\":\"deploy pipeline\"}", false, false)));
    assertThat(token.getId()).isEqualTo(NEW_TOKEN);
    assertThat(token.getScopes()).containsExactly(TokenScope.CLIENT);
    assertThat(token.toString()).contains("id=***").doesNotContain(NEW_TOKEN);
  }

  @Test
  void tokenCallsWithAnApiKeyFailBeforeSendingAndSayALoginTokenIsNeeded() {
    assertThatThrownBy(() -> apiKeyClient().tokens().createClientToken(project(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Token management needs a user login token, not an API key");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void forbiddenOnATokenRouteSaysTokenManagementNeedsALoginToken() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/tokens")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.4\",\"title\":\"Token authentication cannot access tokens.\",\"status\":403}")));

    assertThatThrownBy(() -> userClient().tokens().list(PROJECT_ID, 1, 10))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("403 Forbidden on GET api/v2/projects/{projectId}/tokens: Token authentication cannot access tokens. "
            + CredentialCheck.TOKEN_MANAGEMENT_NEEDS_LOGIN);
  }

  @Test
  void findReusableClientTokenSkipsDisabledAndBroaderTokens() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/tokens")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("X-Result-Count", "3")
        .withBody("[" + tokenJson(OTHER_TOKEN, "\"client\"", true) + ","
            + tokenJson("Cc3mN9pQ2rS5tU8vW1yZ4aB7cD0eF3gH6iJ9kL2m", "\"user\",\"client\"", false) + ","
            + tokenJson(NEW_TOKEN, "\"client\"", false) + "]")));

    assertThat(userClient().tokens().findReusableClientToken(PROJECT_ID)).map(ViewToken::getId).hasValue(NEW_TOKEN);
  }

  @Test
  void disableSendsOnlyTheDisabledFlag() {
    server.stubFor(patch("/api/v2/tokens/" + NEW_TOKEN).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(tokenJson(NEW_TOKEN, "\"client\"", true))));

    ViewToken token = userClient().tokens().disable(NEW_TOKEN);

    server.verify(patchRequestedFor(urlEqualTo("/api/v2/tokens/" + NEW_TOKEN))
        .withRequestBody(equalToJson("{\"is_disabled\":true}", false, false)));
    assertThat(token.getIsDisabled()).isTrue();
  }

  @Test
  void deleteReportsAPartialFailureAsATypedResult() {
    server.stubFor(delete("/api/v2/tokens/" + NEW_TOKEN + "," + OTHER_TOKEN).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"workers\":[],\"success\":[\"" + NEW_TOKEN + "\"],\"failure\":[{\"allowed\":false,\"id\":\"" + OTHER_TOKEN
            + "\",\"message\":\"Token not found.\",\"status_code\":404}]}")));

    BulkResult result = userClient().tokens().delete(Arrays.asList(NEW_TOKEN, OTHER_TOKEN));

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.succeeded()).containsExactly(NEW_TOKEN);
    assertThat(result.failed()).singleElement().satisfies(failure -> {
      assertThat(failure.id()).isEqualTo(OTHER_TOKEN);
      assertThat(failure.statusCode()).isEqualTo(404);
      assertThat(failure.message()).isEqualTo("Token not found.");
    });
    assertThat(result.toString()).doesNotContain(NEW_TOKEN).doesNotContain(OTHER_TOKEN);
  }

  @Test
  void deleteOfOnlyUnknownTokensIsNotFoundWithoutTheIdInTheMessage() {
    server.stubFor(delete("/api/v2/tokens/" + NEW_TOKEN).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"Not Found\",\"status\":404,\"instance\":\"DELETE /api/v2/tokens/" + NEW_TOKEN + "\"}")));

    assertThatThrownBy(() -> userClient().tokens().delete(Collections.singletonList(NEW_TOKEN)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("404 Not Found on DELETE api/v2/tokens/{ids}")
        .hasMessageNotContaining(NEW_TOKEN);
  }

  @Test
  void deleteOfAllTokensReturnsEverySucceeded() {
    server.stubFor(delete("/api/v2/tokens/" + NEW_TOKEN).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"workers\":[]}")));

    assertThat(userClient().tokens().delete(Collections.singletonList(NEW_TOKEN)).allSucceeded()).isTrue();
    server.verify(deleteRequestedFor(urlEqualTo("/api/v2/tokens/" + NEW_TOKEN)));
  }

  @Test
  void deleteChecksEveryIdBeforeSendingAndNeverEchoesIt() {
    assertThatThrownBy(() -> userClient().tokens().delete(Arrays.asList(NEW_TOKEN, "secret with spaces")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenIds[1] is not a token id").hasMessageNotContaining("secret with spaces");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  static ViewProject project() {
    return ViewProject.builder().id(PROJECT_ID).organizationId(ORGANIZATION_ID).name("Disintegrating Pistol")
        .createdUtc(java.time.OffsetDateTime.parse("2026-11-28T12:00:00Z")).build();
  }
}
