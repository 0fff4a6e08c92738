package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.BadRequestException;
import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.UnauthorizedException;
import com.exceptionless.client.errors.ValidationException;
import com.exceptionless.client.model.NewToken;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.UpdateToken;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import com.exceptionless.client.paging.Page;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.TestAccounts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every token operation, end to end against the stand-in server. */
@ExtendWith(ExceptionlessTestServerExtension.class)
class TokensEndToEndTest {
  @Test
  void aProjectTokenIsCreatedReadChangedListedAndDeleted(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewProject project = user.projects().get(accounts.secondProjectId());
    OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.SECONDS);

    ViewToken created = user.tokens().create(project, NewToken.builder()
        .addScopesItem(TokenScope.CLIENT).addScopesItem(TokenScope.USER).notes("ci").expiresUtc(expires).build());
    ViewToken read = user.tokens().get(created.getId());
    ViewToken renamed = user.tokens().update(created.getId(), UpdateToken.builder().notes("ci pipeline").build());
    ViewToken replaced = user.tokens().replace(created.getId(), UpdateToken.builder().notes("ci (replaced)").isDisabled(false).build());
    List<String> listed = user.tokens().listAll(project.getId()).stream().map(ViewToken::getId).collect(Collectors.toList());
    BulkResult deleted = user.tokens().delete(Collections.singletonList(created.getId()));

    assertThat(created.getId()).isNotBlank();
    assertThat(created.getProjectId()).isEqualTo(project.getId());
    assertThat(created.getOrganizationId()).isEqualTo(accounts.organizationId());
    assertThat(created.getScopes()).containsExactlyInAnyOrder(TokenScope.CLIENT, TokenScope.USER);
    assertThat(created.getNotes()).isEqualTo("ci");
    assertThat(created.getExpiresUtc()).isAtSameInstantAs(expires);
    assertThat(created.getIsDisabled()).isFalse();
    assertThat(read.getId()).isEqualTo(created.getId());
    assertThat(read.getScopes()).isEqualTo(created.getScopes());
    assertThat(renamed.getNotes()).isEqualTo("ci pipeline");
    assertThat(replaced.getNotes()).isEqualTo("ci (replaced)");
    assertThat(replaced.getIsDisabled()).isFalse();
    assertThat(listed).contains(created.getId(), accounts.secondProjectClientApiKey());
    assertThat(deleted.succeeded()).containsExactly(created.getId());
    assertThat(deleted.toString()).doesNotContain(created.getId());
    assertThatThrownBy(() -> user.tokens().get(created.getId()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.problem().getTitle()).isEqualTo("Token not found."))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(created.getId()));
  }

  @Test
  void aDisabledTokenIsRefusedUntilEnabledAgain(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewToken token = user.tokens().createClientToken(accounts.projectId(), "to toggle");
    ExceptionlessClient app = user.withApiKey(token.getId());

    ViewToken disabled = user.tokens().disable(token.getId());
    Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> app.projects().config());
    ViewToken enabled = user.tokens().enable(token.getId());

    assertThat(disabled.getIsDisabled()).isTrue();
    assertThat(refused).isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    assertThat(enabled.getIsDisabled()).isFalse();
    assertThat(app.projects().config().getSettings()).isNotNull();
  }

  @Test
  void tokensOfAProjectArePagedOldestFirst(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewProject project = user.projects().create(com.exceptionless.client.model.NewProject.builder()
        .organizationId(accounts.organizationId()).name(EndToEnd.unique("Token Paging")).deleteBotDataEnabled(false).build());
    ViewToken first = user.tokens().createClientToken(project, "first");
    ViewToken second = user.tokens().createClientToken(project, "second");
    ViewToken third = user.tokens().createClientToken(project, "third");

    Page<ViewToken> page1 = user.tokens().list(project.getId(), 1, 2);
    Page<ViewToken> page2 = page1.nextPage();

    assertThat(page1.totalCount()).hasValue(3);
    assertThat(page1.items()).extracting(ViewToken::getId).containsExactly(first.getId(), second.getId());
    assertThat(page2.items()).extracting(ViewToken::getId).containsExactly(third.getId());
    assertThat(page2.hasNextPage()).isFalse();
  }

  @Test
  void theDefaultTokenIsAClientTokenCreatedOnceWhenMissing(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewProject project = user.projects().create(com.exceptionless.client.model.NewProject.builder()
        .organizationId(accounts.organizationId()).name(EndToEnd.unique("Default Token")).deleteBotDataEnabled(false).build());

    ViewToken created = user.tokens().getDefault(project.getId());
    ViewToken again = user.tokens().getDefault(project.getId());
    ViewToken seeded = user.tokens().getDefault(accounts.projectId());

    assertThat(created.getScopes()).containsExactly(TokenScope.CLIENT);
    assertThat(created.getProjectId()).isEqualTo(project.getId());
    assertThat(again.getId()).isEqualTo(created.getId());
    assertThat(user.tokens().listAll(project.getId())).extracting(ViewToken::getId).containsExactly(created.getId());
    assertThat(seeded.getId()).isEqualTo(accounts.clientApiKey());
  }

  @Test
  void postTokensTakesTheOrganizationFromTheProject(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);

    ViewToken token = user.tokens().create(NewToken.builder()
        .projectId(accounts.secondProjectId()).addScopesItem(TokenScope.CLIENT).notes("via POST tokens").build());

    assertThat(token.getProjectId()).isEqualTo(accounts.secondProjectId());
    assertThat(token.getOrganizationId()).isEqualTo(accounts.organizationId());
    assertThat(token.getScopes()).containsExactly(TokenScope.CLIENT);
    assertThat(user.tokens().get(token.getId()).getNotes()).isEqualTo("via POST tokens");
  }

  @Test
  void postTokensForAnUnknownProjectIsAValidationErrorOnProjectId(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);

    assertThatThrownBy(() -> user.tokens().create(NewToken.builder().projectId(EndToEnd.UNKNOWN_ID).build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(422);
          assertThat(e.fieldErrors()).containsOnlyKeys("project_id");
          assertThat(e.fieldErrors().get("project_id")).containsExactly("Please specify a valid project id.");
        })
        .hasMessageStartingWith("422 Unprocessable Entity on POST api/v2/tokens")
        .hasMessageContaining("project_id");
  }

  @Test
  void aGlobalScopeFromAnOrdinaryUserIsAValidationErrorOnScopes(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);

    assertThatThrownBy(() -> user.tokens().create(NewToken.builder()
        .projectId(accounts.projectId()).addScopesItem(TokenScope.GLOBAL).build()))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.fieldErrors()).containsEntry("scopes", Collections.singletonList("Invalid token scope requested.")));
    assertThatThrownBy(() -> user.tokens().create(user.projects().get(accounts.projectId()),
        NewToken.builder().addScopesItem(TokenScope.GLOBAL).build()))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aGlobalAdminMayCreateAGlobalToken(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient admin = EndToEnd.anonymous(server).login(accounts.adminEmail(), accounts.adminPassword());

    ViewToken token = admin.tokens().create(NewToken.builder()
        .projectId(accounts.projectId()).addScopesItem(TokenScope.GLOBAL).build());

    assertThat(token.getScopes()).contains(TokenScope.GLOBAL);
  }

  @Test
  void organizationTokensAreCreatedListedAndValidated(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);

    ViewToken token = user.tokens().createForOrganization(accounts.organizationId(), NewToken.builder()
        .addScopesItem(TokenScope.USER).defaultProjectId(accounts.secondProjectId()).notes("org key").build());
    List<String> listed = user.tokens().listAllForOrganization(accounts.organizationId()).stream()
        .map(ViewToken::getId).collect(Collectors.toList());
    Page<ViewToken> page = user.tokens().listForOrganization(accounts.organizationId(), 1, 100);

    assertThat(token.getOrganizationId()).isEqualTo(accounts.organizationId());
    assertThat(token.getProjectId()).isNull();
    assertThat(token.getDefaultProjectId()).isEqualTo(accounts.secondProjectId());
    assertThat(listed).contains(token.getId(), accounts.clientApiKey(), accounts.secondProjectClientApiKey());
    assertThat(page.totalCount()).hasValue(listed.size());
    assertThatThrownBy(() -> user.tokens().createForOrganization(accounts.organizationId(),
        NewToken.builder().addScopesItem(TokenScope.SOURCE_MAPS_WRITE).build()))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.fieldErrors()).containsEntry("project_id",
                Collections.singletonList("The source-maps:write scope needs a project.")));
    assertThatThrownBy(() -> user.tokens().createForOrganization(accounts.organizationId(),
        NewToken.builder().defaultProjectId(EndToEnd.UNKNOWN_ID).build()))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.fieldErrors()).containsOnlyKeys("default_project_id"));
  }

  @Test
  void anOrganizationTokenForSomeoneElsesOrganizationIsABadRequest(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String strangers = server.addOrganization(EndToEnd.unique("Strangers"));

    assertThatThrownBy(() -> user.tokens().createForOrganization(strangers, NewToken.builder().build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.problem().getTitle()).isEqualTo("Invalid organization.");
        });
  }

  @Test
  void deletingAKnownAndAnUnknownTokenReportsBothWithoutShowingThem(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    ViewToken token = user.tokens().createClientToken(accounts.projectId(), "doomed");

    BulkResult result = user.tokens().delete(Arrays.asList(token.getId(), EndToEnd.UNKNOWN_TOKEN));

    assertThat(result.succeeded()).containsExactly(token.getId());
    assertThat(result.failed()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(EndToEnd.UNKNOWN_TOKEN);
      assertThat(f.statusCode()).isEqualTo(404);
      assertThat(f.message()).isEqualTo("Token not found.");
      assertThat(f.toString()).doesNotContain(EndToEnd.UNKNOWN_TOKEN);
    });
    assertThatThrownBy(() -> user.tokens().get(token.getId())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anApiKeyIsRefusedOnTokenRoutes(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient userKeyAsToken = EndToEnd.anonymous(server).withUserToken(accounts.userApiKey());
    ExceptionlessClient userKey = EndToEnd.anonymous(server).withApiKey(accounts.userApiKey());

    assertThatThrownBy(() -> userKeyAsToken.tokens().getDefault(accounts.projectId()))
        .isInstanceOfSatisfying(ForbiddenException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.problem().getTitle()).isEqualTo("Token authentication cannot access tokens.");
        })
        .hasMessageContaining("Token management needs a user login token");
    assertThatThrownBy(() -> userKeyAsToken.tokens().createForOrganization(accounts.organizationId(), NewToken.builder().build()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> userKey.tokens().get(accounts.clientApiKey()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot use an API key");
  }
}
