package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.UnauthorizedException;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.TestAccounts;
import java.util.Collections;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may call what: the server's policies as the SDK surfaces them, end to end against the stand-in server. */
@ExtendWith(ExceptionlessTestServerExtension.class)
class PoliciesEndToEndTest {
  @Test
  void aClientKeySubmitsButIsForbiddenToRead(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient app = EndToEnd.clientKey(server);

    app.events().submit(Event.builder().type("log").message("a client key may submit").build());

    assertForbidden(() -> app.events().list(EventQuery.defaults()));
    assertForbidden(() -> app.events().count(EventCountQuery.builder().project(accounts.projectId()).build()));
    assertForbidden(() -> app.events().byReferenceId("some-reference", EventQuery.defaults()));
    assertForbidden(() -> app.stacks().list(StackQuery.defaults()));
    assertForbidden(() -> app.projects().list());
    assertForbidden(() -> app.projects().get(accounts.projectId()));
    assertForbidden(() -> app.organizations().list());
    assertForbidden(() -> app.events().delete(Collections.singletonList(EndToEnd.UNKNOWN_ID)));
    assertThat(app.projects().config().getSettings()).isNotNull();
  }

  @Test
  void aUserKeyWithoutAUserIsUnauthorizedOnEventSearches(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient orgKey = EndToEnd.anonymous(server).withApiKey(accounts.userApiKey());

    assertThatThrownBy(() -> orgKey.events().list(EventQuery.builder().project(accounts.projectId()).build()))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401))
        .hasMessageStartingWith("401 Unauthorized on GET api/v2/projects/{projectId}/events");
    assertThatThrownBy(() -> orgKey.events().byReferenceId("some-reference", EventQuery.defaults()))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> orgKey.events().listSummaries(EventQuery.defaults()))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(orgKey.projects().listAll()).extracting(ViewProject::getId).contains(accounts.projectId());
  }

  @Test
  void aBadKeyIsUnauthorizedEverywhere(ExceptionlessTestServer server) {
    ExceptionlessClient bad = EndToEnd.anonymous(server).withApiKey("NotAKnownKey000000000000000000000000000");

    assertThatThrownBy(() -> bad.events().submit(Event.builder().message("refused").build()))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    assertThatThrownBy(() -> bad.projects().list()).isInstanceOf(UnauthorizedException.class);
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusCode()).isEqualTo(403))
        .hasMessageStartingWith("403 Forbidden on ")
        .hasMessageContaining("needs the user role");
  }
}
