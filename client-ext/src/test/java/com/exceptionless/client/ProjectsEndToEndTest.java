package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.BadRequestException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.PlanLimitException;
import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.NewProject;
import com.exceptionless.client.model.UpdateProject;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.paging.Page;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.PlanLimits;
import com.exceptionless.testkit.TestAccounts;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Projects and their client configuration, end to end against the stand-in server. */
@ExtendWith(ExceptionlessTestServerExtension.class)
class ProjectsEndToEndTest {
  @Test
  void aProjectIsCreatedReadUpdatedReplacedAndDeleted(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String name = EndToEnd.unique("Rocket Skates");

    ViewProject created = user.projects().create(NewProject.builder()
        .organizationId(accounts.organizationId()).name(name).deleteBotDataEnabled(true).build());
    ViewProject read = user.projects().get(created.getId());
    ViewProject updated = user.projects().update(created.getId(), UpdateProject.builder().name(name + " II").build());
    ViewProject replaced = user.projects().replace(created.getId(),
        UpdateProject.builder().deleteBotDataEnabled(false).promotedTabs(Collections.singletonList("environment")).build());
    BulkResult deleted = user.projects().delete(Collections.singletonList(created.getId()));

    assertThat(created.getName()).isEqualTo(name);
    assertThat(created.getOrganizationId()).isEqualTo(accounts.organizationId());
    assertThat(created.getDeleteBotDataEnabled()).isTrue();
    assertThat(read.getId()).isEqualTo(created.getId());
    assertThat(read.getName()).isEqualTo(name);
    assertThat(updated.getName()).isEqualTo(name + " II");
    assertThat(updated.getDeleteBotDataEnabled()).isTrue();
    assertThat(replaced.getName()).as("PUT keeps what it does not name").isEqualTo(name + " II");
    assertThat(replaced.getDeleteBotDataEnabled()).isFalse();
    assertThat(replaced.getPromotedTabs()).containsExactly("environment");
    assertThat(deleted.succeeded()).containsExactly(created.getId());
    assertThatThrownBy(() -> user.projects().get(created.getId()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.problem().getTitle()).isEqualTo("Project not found.");
        });
  }

  @Test
  void projectsAreListedFilteredSortedAndFoundByName(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);

    Page<ViewProject> sorted = user.projects().list(ProjectQuery.builder().sort("-name").limit(1).build());
    List<String> walked = user.projects().listAll(ProjectQuery.builder().sort("name").limit(1).build()).stream()
        .map(ViewProject::getName).collect(Collectors.toList());
    Page<ViewProject> filtered = user.projects().list(ProjectQuery.builder().filter("Toaster").build());
    Optional<ViewProject> byName = user.projects().find(accounts.projectName().toUpperCase());
    Optional<ViewProject> byId = user.projects().find(accounts.secondProjectId());
    Optional<ViewProject> missing = user.projects().find("No Such Project");

    assertThat(sorted.items()).hasSize(1);
    assertThat(sorted.totalCount()).hasValue(walked.size());
    assertThat(sorted.items().get(0).getName()).isEqualTo(walked.get(walked.size() - 1));
    assertThat(walked).contains(accounts.projectName(), accounts.secondProjectName()).isSorted();
    assertThat(filtered.items()).extracting(ViewProject::getId).containsExactly(accounts.secondProjectId());
    assertThat(byName).hasValueSatisfying(p -> assertThat(p.getId()).isEqualTo(accounts.projectId()));
    assertThat(byId).hasValueSatisfying(p -> assertThat(p.getName()).isEqualTo(accounts.secondProjectName()));
    assertThat(missing).isEmpty();
  }

  @Test
  void nameChecksSeeTheOrganizationsProjects(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);

    assertThat(user.projects().isNameTaken(accounts.organizationId(), accounts.projectName())).isTrue();
    assertThat(user.projects().isNameTaken(accounts.organizationId(), accounts.projectName().toLowerCase())).isTrue();
    assertThat(user.projects().isNameTaken(accounts.organizationId(), EndToEnd.unique("Free Name"))).isFalse();
    assertThat(user.projects().isNameTaken(accounts.organizationId(), accounts.projectName(), accounts.projectId()))
        .as("renaming a project to its own name").isFalse();
  }

  @Test
  void aTakenNameIsABadRequest(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);

    assertThatThrownBy(() -> user.projects().create(NewProject.builder()
        .organizationId(accounts.organizationId()).name(accounts.secondProjectName()).deleteBotDataEnabled(false).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.problem().getTitle()).isEqualTo("A project with this name already exists.");
        });
    assertThatThrownBy(() -> user.projects().update(accounts.secondProjectId(),
        UpdateProject.builder().name(accounts.projectName()).build()))
        .isInstanceOf(BadRequestException.class);
    assertThat(user.projects().get(accounts.secondProjectId()).getName()).isEqualTo(accounts.secondProjectName());
  }

  @Test
  void creatingAProjectPastThePlanIsAPlanLimit(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    long existing = user.organizations().projects(accounts.organizationId(), ProjectQuery.defaults()).totalCount().getAsLong();
    server.setPlanLimits(PlanLimits.unlimited().withMaxProjectsPerOrganization((int) existing));
    String name = EndToEnd.unique("Over The Limit");
    try {
      assertThatThrownBy(() -> user.projects().create(NewProject.builder()
          .organizationId(accounts.organizationId()).name(name).deleteBotDataEnabled(false).build()))
          .isInstanceOfSatisfying(PlanLimitException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(426);
            assertThat(e.problem().getTitle()).isEqualTo("Please upgrade your plan to add additional projects.");
          })
          .hasMessageStartingWith("426 ");
      assertThat(user.projects().isNameTaken(accounts.organizationId(), name)).isFalse();
    } finally {
      server.setPlanLimits(PlanLimits.unlimited());
    }
  }

  @Test
  void configurationSettingsAreSetReadByTheClientAndDeleted(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ExceptionlessClient app = EndToEnd.clientKey(server);
    ClientConfiguration before = app.projects().config();

    user.projects().setConfigSetting(accounts.projectId(), "@@log:*", "Warn");
    ClientConfiguration afterSet = user.projects().config(accounts.projectId());
    ClientConfiguration seenByApp = app.projects().config();
    Optional<ClientConfiguration> newer = app.projects().configIfNewer(before.getVersion());
    Optional<ClientConfiguration> unchanged = app.projects().configIfNewer(afterSet.getVersion());
    user.projects().deleteConfigSetting(accounts.projectId(), "@@log:*");
    ClientConfiguration afterDelete = app.projects().config(accounts.projectId());

    assertThat(afterSet.getSettings()).containsEntry("@@log:*", "Warn");
    assertThat(afterSet.getVersion()).isGreaterThan(before.getVersion());
    assertThat(seenByApp.getSettings()).containsEntry("@@log:*", "Warn");
    assertThat(seenByApp.getVersion()).isEqualTo(afterSet.getVersion());
    assertThat(newer).hasValueSatisfying(c -> assertThat(c.getVersion()).isEqualTo(afterSet.getVersion()));
    assertThat(unchanged).as("304 Not Modified").isEmpty();
    assertThat(afterDelete.getSettings()).doesNotContainKey("@@log:*");
    assertThat(afterDelete.getVersion()).isGreaterThan(afterSet.getVersion());
  }

  @Test
  void aNewVersionReachesTheSubmitterThroughTheConfigVersionHeader(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient app = EndToEnd.clientKey(server);
    int version = server.setProjectSetting(accounts.projectId(), "IncludeConditionalData", "true");

    SubmitResult result = app.events().submit(com.exceptionless.client.model.Event.builder()
        .type("log").message("config version check").build());

    assertThat(result.configVersion()).hasValue(version);
  }

  @Test
  void deletingAKnownAndAnUnknownProjectReportsBoth(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewProject doomed = user.projects().create(NewProject.builder()
        .organizationId(accounts.organizationId()).name(EndToEnd.unique("Doomed")).deleteBotDataEnabled(false).build());

    BulkResult result = user.projects().delete(Arrays.asList(EndToEnd.UNKNOWN_ID, doomed.getId()));

    assertThat(result.succeeded()).containsExactly(doomed.getId());
    assertThat(result.failed()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(EndToEnd.UNKNOWN_ID);
      assertThat(f.statusCode()).isEqualTo(404);
      assertThat(f.message()).isEqualTo("Project not found.");
    });
  }

  @Test
  void statisticsCountTheProjectsEvents(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String projectId = server.addProject(accounts.organizationId(), EndToEnd.unique("Counted"));
    String key = server.addToken(projectId, null);
    EndToEnd.anonymous(server).withApiKey(key).events().submit(java.util.Arrays.asList(
        com.exceptionless.client.model.Event.builder().type("log").source("a").message("one").build(),
        com.exceptionless.client.model.Event.builder().type("log").source("b").message("two").build()));

    ViewProject withStats = user.projects().list(ProjectQuery.builder().filter("id:" + projectId).stats(true).build())
        .items().get(0);
    ViewProject withoutStats = user.projects().get(projectId);

    assertThat(withStats.getEventCount()).isEqualTo(2L);
    assertThat(withStats.getStackCount()).isEqualTo(2L);
    assertThat(withoutStats.getName()).isEqualTo(withStats.getName());
  }
}
