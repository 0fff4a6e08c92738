package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProjectServiceTest extends WireMockSupport {
  @Test
  void listSendsQueryAndBearerCredentialAndReadsTotalAndNextLink() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Result-Count", "3")
        .withHeader("Link", "<" + baseUrl() + "/api/v2/projects?limit=2&page=2>; rel=\"next\"")
        .withBody("[" + projectJson(PROJECT_ID, "Disintegrating Pistol") + "," + projectJson("537650f3b77efe23a47914f5", "Toaster") + "]")));

    Page<ViewProject> page = userClient().projects().list(ProjectQuery.builder()
        .filter("organization:" + ORGANIZATION_ID).sort("name").page(1).limit(2).stats(true).build());

    server.verify(getRequestedFor(urlPathEqualTo("/api/v2/projects"))
        .withQueryParam("filter", equalTo("organization:" + ORGANIZATION_ID))
        .withQueryParam("sort", equalTo("name"))
        .withQueryParam("page", equalTo("1"))
        .withQueryParam("limit", equalTo("2"))
        .withQueryParam("mode", equalTo("stats"))
        .withHeader("Authorization", equalTo("Bearer " + USER_TOKEN))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", equalTo(userClient().userAgent())));
    assertThat(page.items()).extracting(ViewProject::getName).containsExactly("Disintegrating Pistol", "Toaster");
    assertThat(page.items().get(0).getCreatedUtc())
        .isEqualTo(OffsetDateTime.of(2026, 11, 28, 12, 0, 0, 123_456_700, ZoneOffset.UTC));
    assertThat(page.totalCount()).hasValue(3);
    assertThat(page.hasNextPage()).isTrue();
    assertThat(page.nextPageUrl()).hasValue(baseUrl() + "/api/v2/projects?limit=2&page=2");
  }

  @Test
  void autoPagerWalksEveryPageFollowingLinkSentAsSeparateHeaderValues() {
    stubPage(1, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa1", "One") + "," + projectJson("aaaaaaaaaaaaaaaaaaaaaaa2", "Two") + "]",
        "<" + baseUrl() + "/api/v2/projects?limit=100&page=2>; rel=\"next\"");
    stubPage(2, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa3", "Three") + "]",
        "<" + baseUrl() + "/api/v2/projects?limit=100&page=1>; rel=\"previous\"",
        "<" + baseUrl() + "/api/v2/projects?limit=100&page=3>; rel=\"next\"");
    stubPage(3, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa4", "Four") + "]",
        "<" + baseUrl() + "/api/v2/projects?limit=100&page=2>; rel=\"previous\"");

    AutoPager<ViewProject> all = userClient().projects().listAll();

    assertThat(server.getAllServeEvents()).as("no request before iteration").isEmpty();
    assertThat(all.stream().map(ViewProject::getName).collect(Collectors.toList()))
        .containsExactly("One", "Two", "Three", "Four");
    assertThat(all).extracting(ViewProject::getName).as("a second iteration starts over")
        .containsExactly("One", "Two", "Three", "Four");
    server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/projects")).withQueryParam("page", equalTo("3"))
        .withQueryParam("limit", equalTo("100")));
  }

  @Test
  void autoPagerFollowsCommaJoinedLinks() {
    stubPage(1, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa1", "One") + "]",
        "<" + baseUrl() + "/api/v2/projects?page=0>; rel=\"previous\", <" + baseUrl() + "/api/v2/projects?limit=100&page=2>; rel=\"next\"");
    stubPage(2, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa2", "Two") + "]");

    assertThat(userClient().projects().listAll()).extracting(ViewProject::getName).containsExactly("One", "Two");
  }

  @Test
  void autoPagerOverAnEmptyListSendsOneRequestAndYieldsNothing() {
    stubPage(1, "[]");

    assertThat(userClient().projects().listAll()).isEmpty();
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/projects")));
  }

  @Test
  void autoPagerOverOnePageStopsWithoutANextLink() {
    stubPage(1, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa1", "One") + "]");

    assertThat(userClient().projects().listAll()).hasSize(1);
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/projects")));
  }

  @Test
  void findReturnsTheProjectWithThatExactNameAcrossPages() {
    stubPage(1, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa1", "One") + "]",
        "<" + baseUrl() + "/api/v2/projects?limit=100&page=2>; rel=\"next\"");
    stubPage(2, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa2", "Disintegrating Pistol") + "]");

    Optional<ViewProject> found = userClient().projects().find("disintegrating pistol");

    assertThat(found).map(ViewProject::getId).hasValue("aaaaaaaaaaaaaaaaaaaaaaa2");
  }

  @Test
  void findByIdGetsTheProjectDirectly() {
    server.stubFor(get("/api/v2/projects/" + PROJECT_ID).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(projectJson(PROJECT_ID, "Disintegrating Pistol"))));

    assertThat(userClient().projects().find(PROJECT_ID)).map(ViewProject::getName).hasValue("Disintegrating Pistol");
    server.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/projects")));
  }

  @Test
  void findRefusesAnAmbiguousName() {
    stubPage(1, "[" + projectJson("aaaaaaaaaaaaaaaaaaaaaaa1", "Twin") + "," + projectJson("aaaaaaaaaaaaaaaaaaaaaaa2", "Twin") + "]");

    assertThatThrownBy(() -> userClient().projects().find("Twin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 projects are named \"Twin\"").hasMessageContaining("pass the id instead");
  }

  @Test
  void getRejectsAMalformedIdBeforeSending() {
    assertThatThrownBy(() -> userClient().projects().get("../tokens"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Exceptionless id");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void configIfNewerIsEmptyOnNotModified() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/config")).withQueryParam("v", equalTo("4"))
        .willReturn(aResponse().withStatus(304)));
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/config")).withQueryParam("v", equalTo("3"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"version\":4,\"settings\":{\"@@log:*\":\"Info\",\"@@DataExclusions\":\"Password\"}}")));

    ExceptionlessClient client = apiKeyClient();

    assertThat(client.projects().configIfNewer(4)).isEmpty();
    Optional<ClientConfiguration> newer = client.projects().configIfNewer(3);
    assertThat(newer).map(ClientConfiguration::getVersion).hasValue(4);
    assertThat(newer.get().getSettings()).containsEntry("@@log:*", "Info");
  }

  @Test
  void callsWithoutACredentialFailBeforeSending() {
    ExceptionlessClient anonymous = ExceptionlessClient.builder().serverUrl(baseUrl()).build();

    assertThatThrownBy(() -> anonymous.projects().list())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a credential");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private void stubPage(int page, String body, String... links) {
    HttpHeaders headers = new HttpHeaders(new HttpHeader("Content-Type", "application/json"));
    for (String link : links) {
      headers = headers.plus(new HttpHeader("Link", link));
    }
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).withQueryParam("page", equalTo(String.valueOf(page)))
        .willReturn(aResponse().withStatus(200).withHeaders(headers).withBody(body)));
    if (page == 1) {
      server.stubFor(get(urlPathEqualTo("/api/v2/projects")).withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
          .willReturn(aResponse().withStatus(200).withHeaders(headers).withBody(body)));
    }
  }

  static List<String> names(List<ViewProject> projects) {
    return projects.stream().map(ViewProject::getName).collect(Collectors.toList());
  }
}
