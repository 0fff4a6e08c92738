package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.PlanLimitException;
import com.exceptionless.client.model.Stack;
import com.exceptionless.client.model.StackStatus;
import com.exceptionless.client.model.StackSummary;
import com.exceptionless.client.paging.Page;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackServiceTest extends WireMockSupport {
  static final String STACK_ID = "5d3f2a1b9c8e7f6a5b4c3d2e";
  static final String OTHER_STACK_ID = "5d3f2a1b9c8e7f6a5b4c3d2f";
  static final List<String> BOTH = Arrays.asList(STACK_ID, OTHER_STACK_ID);

  @Test
  void listGoesToTheScopedRouteWithTheQuery() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/stacks")).willReturn(PagingTest.stacks(0, 2)));

    Page<Stack> page = userClient().stacks().list(StackQuery.builder().project(PROJECT_ID).filter("status:open")
        .sort("-last").time("last week").offset("-300m").page(2).limit(20).build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/stacks?filter=status%3Aopen&sort=-last"
        + "&time=last%20week&offset=-300m&page=2&limit=20")).withHeader("Authorization", equalTo("Bearer " + USER_TOKEN)));
    assertThat(page.items()).extracting(Stack::getTitle).containsExactly("Stack 0", "Stack 1");
    assertThat(page.items().get(0).getStatus()).isEqualTo(StackStatus.OPEN);
    assertThat(page.totalCount()).isEmpty();
  }

  @Test
  void listSummariesReadsTheSameRouteAsStackSummaries() {
    server.stubFor(get(urlPathEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/stacks")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("[{\"id\":\"" + STACK_ID + "\",\"template_key\":\"stack-error-summary\","
            + "\"title\":\"NullPointerException\",\"status\":\"regressed\",\"first_occurrence\":\"2026-11-01T00:00:00Z\","
            + "\"last_occurrence\":\"2026-11-28T12:00:00Z\",\"total\":42,\"users\":3,\"total_users\":10,\"data\":{\"Type\":\"NPE\"}}]")));

    Page<StackSummary> page = userClient().stacks().listSummaries(StackQuery.builder().organization(ORGANIZATION_ID).build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/stacks?mode=summary")));
    assertThat(page.items()).singleElement().satisfies(summary -> {
      assertThat(summary.getTitle()).isEqualTo("NullPointerException");
      assertThat(summary.getStatus()).isEqualTo(StackStatus.REGRESSED);
      assertThat(summary.getTotal()).isEqualTo(42L);
      assertThat(summary.getTotalUsers()).isEqualTo(10.0);
      assertThat(summary.getData()).containsEntry("Type", "NPE");
    });
  }

  @Test
  void summaryCallsAreRetriedAndMapErrorsLikeEveryOtherCall() {
    server.stubFor(get(urlPathEqualTo("/api/v2/stacks")).inScenario("s").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("down"));
    server.stubFor(get(urlPathEqualTo("/api/v2/stacks")).inScenario("s").whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(426).withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"Please upgrade your plan to use premium search features.\",\"status\":426}")));

    assertThatThrownBy(() -> userClient().stacks().listSummaries(StackQuery.builder().filter("tag:x").build()))
        .isInstanceOf(PlanLimitException.class)
        .hasMessageStartingWith("426 Upgrade Required on GET api/v2/stacks: Please upgrade your plan to use premium search features.");
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void getReadsOneStack() {
    server.stubFor(get("/api/v2/stacks/" + STACK_ID).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"" + STACK_ID + "\",\"title\":\"Boom\",\"status\":\"fixed\",\"fixed_in_version\":\"1.2.3\",\"total_occurrences\":7,"
            + "\"references\":[\"https://issues.example.com/1\"]}")));

    Stack stack = userClient().stacks().get(STACK_ID);

    assertThat(stack.getFixedInVersion()).isEqualTo("1.2.3");
    assertThat(stack.getReferences()).containsExactly("https://issues.example.com/1");
  }

  @Test
  void bulkActionsSendTheCommaListAndTheirParameters() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    StackService stacks = userClient().stacks();
    String ids = STACK_ID + "," + OTHER_STACK_ID;

    assertThat(stacks.markFixed(BOTH, "1.2.3").succeeded()).containsExactly(STACK_ID, OTHER_STACK_ID);
    stacks.markFixed(BOTH, null);
    stacks.snooze(BOTH, OffsetDateTime.of(2099, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    stacks.markCritical(BOTH);
    stacks.unmarkCritical(BOTH);
    stacks.changeStatus(BOTH, StackStatus.IGNORED);
    stacks.delete(BOTH);

    server.verify(postRequestedFor(urlEqualTo("/api/v2/stacks/" + ids + "/mark-fixed?version=1.2.3")));
    server.verify(postRequestedFor(urlPathEqualTo("/api/v2/stacks/" + ids + "/mark-fixed")).withQueryParam("version", absent()));
    server.verify(postRequestedFor(urlPathEqualTo("/api/v2/stacks/" + ids + "/mark-snoozed"))
        .withQueryParam("snoozeUntilUtc", equalTo("2099-01-02T03:04:05Z")));
    server.verify(postRequestedFor(urlEqualTo("/api/v2/stacks/" + ids + "/mark-critical")));
    server.verify(deleteRequestedFor(urlEqualTo("/api/v2/stacks/" + ids + "/mark-critical")));
    server.verify(postRequestedFor(urlEqualTo("/api/v2/stacks/" + ids + "/change-status?status=ignored")));
    server.verify(deleteRequestedFor(urlEqualTo("/api/v2/stacks/" + ids)));
  }

  @Test
  void aPartialFailureOfABulkActionIsATypedResult() {
    server.stubFor(post(urlPathEqualTo("/api/v2/stacks/" + STACK_ID + "," + OTHER_STACK_ID + "/mark-fixed")).willReturn(aResponse()
        .withStatus(400).withHeader("Content-Type", "application/json").withBody("{\"success\":[\"" + STACK_ID
            + "\"],\"failure\":[{\"id\":\"" + OTHER_STACK_ID + "\",\"message\":\"Stack not found.\",\"status_code\":404}]}")));

    BulkResult result = userClient().stacks().markFixed(BOTH, "2.0.0");

    assertThat(result.succeeded()).containsExactly(STACK_ID);
    assertThat(result.failed()).extracting(BulkResult.Failure::id).containsExactly(OTHER_STACK_ID);
  }

  @Test
  void badIdsAndValuesAreRefusedBeforeSending() {
    StackService stacks = userClient().stacks();

    assertThatThrownBy(() -> stacks.markCritical(Arrays.asList(STACK_ID, "5d3f-2a1b"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stackIds[1] \"5d3f-2a1b\" is not an Exceptionless id");
    assertThatThrownBy(() -> stacks.snooze(BOTH, OffsetDateTime.now().minusDays(1))).hasMessageContaining("not in the future");
    assertThatThrownBy(() -> stacks.changeStatus(BOTH, StackStatus.UNKNOWN_DEFAULT_OPEN_API)).hasMessageContaining("only stands for");
    assertThatThrownBy(() -> stacks.addLink(STACK_ID, "issues/1")).hasMessageContaining("not an absolute http or https URL");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void linksAreSentAsAValueBody() {
    server.stubFor(post(urlPathEqualTo("/api/v2/stacks/" + STACK_ID + "/add-link")).willReturn(aResponse().withStatus(200)));
    server.stubFor(post(urlPathEqualTo("/api/v2/stacks/" + STACK_ID + "/remove-link")).willReturn(aResponse().withStatus(204)));

    userClient().stacks().addLink(STACK_ID, "https://issues.example.com/1");
    userClient().stacks().removeLink(STACK_ID, "https://issues.example.com/1");

    server.verify(postRequestedFor(urlEqualTo("/api/v2/stacks/" + STACK_ID + "/add-link"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"value\":\"https://issues.example.com/1\"}")));
    server.verify(postRequestedFor(urlEqualTo("/api/v2/stacks/" + STACK_ID + "/remove-link"))
        .withRequestBody(equalToJson("{\"value\":\"https://issues.example.com/1\"}")));
  }

  @Test
  void promoteMapsThePlanLimit() {
    server.stubFor(post("/api/v2/stacks/" + STACK_ID + "/promote").willReturn(aResponse().withStatus(426)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"Please upgrade your plan to enable integrations.\",\"status\":426}")));

    assertThatThrownBy(() -> userClient().stacks().promote(STACK_ID)).isInstanceOf(PlanLimitException.class)
        .hasMessageContaining("426 Upgrade Required on POST api/v2/stacks/{id}/promote");
  }

  @Test
  void deleteAcceptsA202WithoutABody() {
    server.stubFor(delete(urlPathEqualTo("/api/v2/stacks/" + STACK_ID)).willReturn(aResponse().withStatus(202)));
    assertThat(userClient().stacks().delete(java.util.Collections.singleton(STACK_ID)).allSucceeded()).isTrue();
  }
}
