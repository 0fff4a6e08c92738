package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.PlanLimitException;
import com.exceptionless.client.model.NewToken;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.ViewOrganization;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import com.exceptionless.client.paging.Page;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.PlanLimits;
import com.exceptionless.testkit.TestAccounts;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Organizations, their projects and their tokens, end to end against the stand-in server. */
@ExtendWith(ExceptionlessTestServerExtension.class)
class OrganizationsEndToEndTest {
  @Test
  void anOrganizationIsCreatedReadRenamedListedAndDeleted(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String name = EndToEnd.unique("Initech");

    ViewOrganization created = user.organizations().create("  " + name + "  ");
    ViewOrganization read = user.organizations().get(created.getId());
    ViewOrganization renamed = user.organizations().update(created.getId(), name + " Ltd");
    List<String> listed = user.organizations().list().stream().map(ViewOrganization::getName).collect(Collectors.toList());
    BulkResult deleted = user.organizations().delete(Collections.singletonList(created.getId()));

    assertThat(created.getName()).isEqualTo(name);
    assertThat(created.getId()).matches("[0-9a-f]{24}");
    assertThat(created.getCreatedUtc()).isNotNull();
    assertThat(read.getId()).isEqualTo(created.getId());
    assertThat(read.getName()).isEqualTo(name);
    assertThat(renamed.getName()).isEqualTo(name + " Ltd");
    assertThat(listed).contains(server.accounts().organizationName(), name + " Ltd");
    assertThat(deleted.allSucceeded()).isTrue();
    assertThat(deleted.succeeded()).containsExactly(created.getId());
    assertThatThrownBy(() -> user.organizations().get(created.getId()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
        .hasMessageStartingWith("404 Not Found on GET api/v2/organizations/{id}");
    assertThat(user.organizations().list()).extracting(ViewOrganization::getId).doesNotContain(created.getId());
  }

  @Test
  void listingWithAFilterAndStatisticsCountsTheProjects(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);

    List<ViewOrganization> acme = user.organizations().list("name:" + accounts.organizationName(), true);

    assertThat(acme).extracting(ViewOrganization::getId).containsExactly(accounts.organizationId());
    assertThat(acme.get(0).getProjectCount()).isGreaterThanOrEqualTo(2L);
  }

  @Test
  void deletingAKnownAndAnUnknownOrganizationReportsBoth(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewOrganization created = user.organizations().create(EndToEnd.unique("Doomed"));

    BulkResult result = user.organizations().delete(Arrays.asList(created.getId(), EndToEnd.UNKNOWN_ID));

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.succeeded()).containsExactly(created.getId());
    assertThat(result.failed()).singleElement().satisfies(failure -> {
      assertThat(failure.id()).isEqualTo(EndToEnd.UNKNOWN_ID);
      assertThat(failure.statusCode()).isEqualTo(404);
      assertThat(failure.message()).isNotBlank();
    });
    assertThatThrownBy(() -> user.organizations().get(created.getId())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingOnlyUnknownOrganizationsIsNotFound(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);

    assertThatThrownBy(() -> user.organizations().delete(Collections.singletonList(EndToEnd.UNKNOWN_ID)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void theProjectsOfAnOrganizationArePagedAndWalked(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewOrganization organization = user.organizations().create(EndToEnd.unique("Paged"));
    for (int i = 1; i <= 3; i++) {
      server.addProject(organization.getId(), "Project " + i);
    }

    Page<ViewProject> first = user.organizations().projects(organization.getId(),
        ProjectQuery.builder().sort("name").limit(2).build());
    List<String> all = user.organizations().allProjects(organization.getId(),
        ProjectQuery.builder().sort("name").limit(2).build()).stream().map(ViewProject::getName).collect(Collectors.toList());
    List<ViewProject> acme = user.organizations().allProjects(accounts.organizationId(), ProjectQuery.defaults())
        .stream().collect(Collectors.toList());

    assertThat(first.items()).extracting(ViewProject::getName).containsExactly("Project 1", "Project 2");
    assertThat(first.totalCount()).hasValue(3);
    assertThat(first.hasNextPage()).isTrue();
    assertThat(first.nextPage().items()).extracting(ViewProject::getName).containsExactly("Project 3");
    assertThat(all).containsExactly("Project 1", "Project 2", "Project 3");
    assertThat(acme).extracting(ViewProject::getName).contains(accounts.projectName(), accounts.secondProjectName());
    assertThat(acme).allSatisfy(p -> assertThat(p.getOrganizationId()).isEqualTo(accounts.organizationId()));
  }

  @Test
  void anOrganizationTokenHasNoProjectAndIsListedWithTheOrganization(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewOrganization organization = user.organizations().create(EndToEnd.unique("Tokened"));

    ViewToken token = user.organizations().createToken(organization.getId(),
        NewToken.builder().addScopesItem(TokenScope.USER).notes("org-wide automation").build());
    Page<ViewToken> page = user.organizations().tokens(organization.getId(), 1, 10);
    List<ViewToken> all = user.organizations().allTokens(organization.getId()).stream().collect(Collectors.toList());

    assertThat(token.getOrganizationId()).isEqualTo(organization.getId());
    assertThat(token.getProjectId()).isNull();
    assertThat(token.getScopes()).contains(TokenScope.USER);
    assertThat(token.getNotes()).isEqualTo("org-wide automation");
    assertThat(page.items()).extracting(ViewToken::getId).containsExactly(token.getId());
    assertThat(page.totalCount()).hasValue(1);
    assertThat(all).extracting(ViewToken::getId).containsExactly(token.getId());
    ExceptionlessClient withOrgKey = user.withApiKey(token.getId());
    assertThat(withOrgKey.organizations().get(organization.getId()).getName()).isEqualTo(organization.getName());
  }

  @Test
  void creatingAnOrganizationPastThePlanIsAPlanLimit(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    int owned = user.organizations().list().size();
    server.setPlanLimits(PlanLimits.unlimited().withMaxOrganizationsPerUser(owned));
    try {
      assertThatThrownBy(() -> user.organizations().create(EndToEnd.unique("OneTooMany")))
          .isInstanceOfSatisfying(PlanLimitException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(426);
            assertThat(e.problem().getTitle()).isEqualTo("Please upgrade your plan to add an additional organization.");
          })
          .hasMessageStartingWith("426 ")
          .hasMessageContaining("POST api/v2/organizations");
      assertThat(user.organizations().list()).hasSize(owned);
    } finally {
      server.setPlanLimits(PlanLimits.unlimited());
    }
  }

  @Test
  void anOrganizationOfSomeoneElseIsNotFound(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String strangers = server.addOrganization(EndToEnd.unique("Strangers"));

    assertThatThrownBy(() -> user.organizations().get(strangers)).isInstanceOf(NotFoundException.class);
    assertThat(user.organizations().list()).extracting(ViewOrganization::getId).doesNotContain(strangers);
  }
}
