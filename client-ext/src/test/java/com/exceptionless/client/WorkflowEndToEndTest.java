package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.UnauthorizedException;
import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.ReceivedEvent;
import com.exceptionless.testkit.TestAccounts;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The project-then-token workflow end to end, against the stand-in server. */
@ExtendWith(ExceptionlessTestServerExtension.class)
class WorkflowEndToEndTest {
  @Test
  void logInFindProjectMintClientTokenAndSubmitAnEvent(ExceptionlessTestServer server) {
    TestAccounts accounts = server.accounts();
    ExceptionlessClient user = ExceptionlessClient.builder().serverUrl(server.baseUrl()).build()
        .login(accounts.userEmail(), accounts.userPassword());

    List<String> names = user.projects().listAll().stream().map(ViewProject::getName).collect(Collectors.toList());
    ProjectConnection connection = user.connectToProject(accounts.projectName(), ClientTokenPolicy.CREATE_NEW);
    SubmitResult result = connection.client().events().submit(Event.builder()
        .type("log").message("end to end").referenceId("e2e-workflow-1").build());

    assertThat(names).contains(accounts.projectName());
    assertThat(connection.project().getId()).isEqualTo(accounts.projectId());
    assertThat(connection.tokenCreated()).isTrue();
    assertThat(connection.token().getScopes()).containsExactly(TokenScope.CLIENT);
    assertThat(connection.toString()).doesNotContain(connection.token().getId());
    assertThat(result.configVersion()).isPresent();
    List<ReceivedEvent> received = server.awaitEvents(1, Duration.ofSeconds(5));
    assertThat(received).anySatisfy(event -> {
      assertThat(event.projectId()).isEqualTo(accounts.projectId());
      assertThat(event.json()).containsEntry("message", "end to end").containsEntry("reference_id", "e2e-workflow-1");
    });
    assertThat(server.submissions()).last().satisfies(submission ->
        assertThat(submission.toString()).doesNotContain(connection.token().getId()));
  }

  @Test
  void reusingAClientTokenDoesNotMintANewOneOnEveryRun(ExceptionlessTestServer server) {
    ExceptionlessClient user = login(server);

    ProjectConnection first = user.connectToProject(server.accounts().projectName(), ClientTokenPolicy.REUSE_EXISTING);
    ProjectConnection second = user.connectToProject(server.accounts().projectName(), ClientTokenPolicy.REUSE_EXISTING);

    assertThat(second.token().getId()).isEqualTo(first.token().getId());
    assertThat(second.tokenCreated()).isFalse();
  }

  @Test
  void aClientTokenCannotListProjectsAndAnApiKeyCannotManageTokens(ExceptionlessTestServer server) {
    ExceptionlessClient app = ExceptionlessClient.builder().serverUrl(server.baseUrl())
        .apiKey(server.accounts().clientApiKey()).build();

    assertThatThrownBy(() -> app.projects().list()).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> ExceptionlessClient.builder().serverUrl(server.baseUrl())
        .userToken(server.accounts().userApiKey()).build().tokens().list(server.accounts().projectId(), 1, 10))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("Token management needs a user login token");
  }

  @Test
  void aDisabledTokenStopsAuthenticating(ExceptionlessTestServer server) {
    ExceptionlessClient user = login(server);
    ViewToken token = user.tokens().createClientToken(server.accounts().projectId(), "to disable");
    ExceptionlessClient app = user.withApiKey(token.getId());
    ClientConfiguration config = app.projects().config();

    user.tokens().disable(token.getId());

    assertThat(config.getSettings()).isNotNull();
    assertThatThrownBy(() -> app.projects().config()).isInstanceOf(UnauthorizedException.class);
    assertThat(user.tokens().delete(Collections.singletonList(token.getId())).allSucceeded()).isTrue();
    assertThatThrownBy(() -> user.tokens().get(token.getId())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void tokensPageAcrossTheServer(ExceptionlessTestServer server) {
    ExceptionlessClient user = login(server);
    for (int i = 0; i < 3; i++) {
      user.tokens().createClientToken(server.accounts().projectId(), "paging " + i);
    }

    long total = user.tokens().list(server.accounts().projectId(), 1, 2).totalCount().getAsLong();

    assertThat(user.tokens().listAll(server.accounts().projectId())).hasSize((int) total);
    assertThat(total).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aWrongPasswordIsUnauthorized(ExceptionlessTestServer server) {
    ExceptionlessClient anonymous = ExceptionlessClient.builder().serverUrl(server.baseUrl()).build();

    assertThatThrownBy(() -> anonymous.login(server.accounts().userEmail(), "wrong-password"))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessageStartingWith("401 Unauthorized on POST api/v2/auth/login: Login failed.");
  }

  private static ExceptionlessClient login(ExceptionlessTestServer server) {
    return ExceptionlessClient.builder().serverUrl(server.baseUrl()).build()
        .login(server.accounts().userEmail(), server.accounts().userPassword());
  }
}
