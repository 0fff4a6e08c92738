package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.UnauthorizedException;
import com.exceptionless.client.model.TokenResult;
import com.exceptionless.client.model.ViewOrganization;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Logging in and out, end to end against the stand-in server. */
@ExtendWith(ExceptionlessTestServerExtension.class)
class AuthEndToEndTest {
  @Test
  void aLoginTokenWorksUntilLogout(ExceptionlessTestServer server) {
    String email = EndToEnd.unique("ada") + "@example.com";
    String userId = server.addUser(email, "ada-password", false);
    String organizationId = server.addOrganization("Analytical Engines", userId);
    ExceptionlessClient anonymous = EndToEnd.anonymous(server);

    TokenResult token = anonymous.auth().login(" " + email + " ", "ada-password");
    ExceptionlessClient ada = anonymous.withUserToken(token.getToken());
    String seen = ada.organizations().list().stream().map(ViewOrganization::getId).findFirst().orElse(null);
    ada.auth().logout();

    assertThat(token.getToken()).isNotBlank();
    assertThat(seen).isEqualTo(organizationId);
    assertThatThrownBy(() -> ada.organizations().list())
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    ExceptionlessClient again = anonymous.login(email, "ada-password");
    assertThat(again.organizations().get(organizationId).getName()).isEqualTo("Analytical Engines");
  }

  @Test
  void anUnknownUserIsUnauthorizedAndAShortPasswordIsNotSent(ExceptionlessTestServer server) {
    int requestsBefore = server.requests().size();
    assertThatThrownBy(() -> EndToEnd.anonymous(server).auth().login("short@example.com", "12345"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requests()).hasSize(requestsBefore);

    assertThatThrownBy(() -> EndToEnd.anonymous(server).auth().login("nobody@example.com", "long-enough"))
        .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.problem().getTitle()).isEqualTo("Login failed.");
        })
        .hasMessageStartingWith("401 Unauthorized on POST api/v2/auth/login")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("long-enough"));
  }

  @Test
  void logoutIsOnlyForLoginTokens(ExceptionlessTestServer server, TestAccounts accounts) {
    assertThatThrownBy(() -> EndToEnd.clientKey(server).auth().logout())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EndToEnd.anonymous(server).withUserToken(accounts.userApiKey()).auth().logout())
        .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    assertThat(EndToEnd.user(server).organizations().get(accounts.organizationId()).getName())
        .isEqualTo(accounts.organizationName());
  }
}
