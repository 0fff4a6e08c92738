package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The current user, organization members and invitations, data and reset routes, as the server's handlers. */
class MembersAndDataTest extends SeededServerTest {
  @Test
  void theCurrentUserIsTheLoginsUserAndAKeyWithoutAUserGets401() {
    Map<String, Object> me = Http.object(http.get("/api/v2/users/me", user));

    assertThat(me).containsEntry("id", accounts.userId()).containsEntry("email_address", accounts.userEmail())
        .containsEntry("organization_ids", List.of(accounts.organizationId())).containsEntry("is_invite", false);
    assertThat(http.get("/api/v2/users/me", Http.bearer(accounts.userApiKey())).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/v2/users/me", client).statusCode()).isEqualTo(403);
  }

  @Test
  void addingAnUnknownAddressInvitesItAndAKnownUserBecomesAMember() {
    String orgId = server.addOrganization("Solo", accounts.userId());
    String users = "/api/v2/organizations/" + orgId + "/users";

    HttpResponse<String> invite = post(users + "/Colleague@Example.com");
    HttpResponse<String> member = post(users + "/" + accounts.adminEmail());
    HttpResponse<String> listed = http.get(users, user);

    assertThat(invite.statusCode()).isEqualTo(200);
    assertThat(Http.object(invite)).isEqualTo(Map.of("email_address", "Colleague@Example.com"));
    assertThat(member.statusCode()).isEqualTo(200);
    assertThat(Http.array(listed)).extracting(u -> u.get("email_address"), u -> u.get("is_invite")).containsExactly(
        org.assertj.core.groups.Tuple.tuple(accounts.userEmail(), false),
        org.assertj.core.groups.Tuple.tuple(accounts.adminEmail(), false),
        org.assertj.core.groups.Tuple.tuple("colleague@example.com", true));
    assertThat(listed.headers().firstValue("X-Result-Count")).hasValue("3");
  }

  @Test
  void removingWithdrawsAnInviteRemovesAMemberButNeverTheLastOne() {
    String orgId = server.addOrganization("Pair", accounts.userId(), accounts.adminUserId());
    String users = "/api/v2/organizations/" + orgId + "/users/";
    post(users + "someone@example.com");

    assertThat(delete(users + "someone@example.com").statusCode()).isEqualTo(200);
    assertThat(delete(users + "nobody@example.com").statusCode()).isEqualTo(200);
    assertThat(delete(users + accounts.adminEmail()).statusCode()).isEqualTo(200);
    HttpResponse<String> last = delete(users + accounts.userEmail());

    assertThat(last.statusCode()).isEqualTo(400);
    assertThat(Http.object(last)).containsEntry("title", "An organization must contain at least one user.");
    assertThat(Http.array(http.get("/api/v2/organizations/" + orgId + "/users", user)))
        .extracting(u -> u.get("email_address")).containsExactly(accounts.userEmail());
  }

  @Test
  void projectAndOrganizationDataAreSetTrimmedShownAndDeleted() {
    String project = "/api/v2/projects/" + accounts.projectId();
    String organization = "/api/v2/organizations/" + accounts.organizationId();

    assertThat(http.postJson(project + "/data?key=%20UserNamespaces%20", user, "{\"value\":\" com.acme \"}")
        .statusCode()).isEqualTo(200);
    assertThat(http.postJson(organization + "/data/Region", user, "{\"value\":\"eu\"}").statusCode()).isEqualTo(200);
    assertThat(Http.object(http.get(project, user))).containsEntry("data", Map.of("UserNamespaces", "com.acme"));
    assertThat(Http.object(http.get(organization, user))).containsEntry("data", Map.of("Region", "eu"));

    assertThat(http.postJson(project + "/data?key=-x", user, "{\"value\":\"v\"}").statusCode()).isEqualTo(400);
    assertThat(http.postJson(project + "/data?key=k", user, "{\"value\":\" \"}").statusCode()).isEqualTo(400);
    assertThat(delete(project + "/data?key=UserNamespaces").statusCode()).isEqualTo(200);
    assertThat(delete(project + "/data?key=Missing").statusCode()).isEqualTo(200);
    assertThat(delete(organization + "/data/Region").statusCode()).isEqualTo(200);
    assertThat(Http.object(http.get(project, user))).doesNotContainKey("data");
    assertThat(Http.object(http.get(organization, user))).doesNotContainKey("data");
  }

  @Test
  void resetDataRemovesTheProjectsEventsAndStacksOnly() {
    http.postJson("/api/v2/events", client, "{\"type\":\"log\",\"message\":\"gone\"}");
    http.postJson("/api/v2/events", Http.bearer(accounts.secondProjectClientApiKey()),
        "{\"type\":\"log\",\"message\":\"kept\"}");

    HttpResponse<String> reset = post("/api/v2/projects/" + accounts.projectId() + "/reset-data");

    assertThat(reset.statusCode()).isEqualTo(202);
    assertThat((List<?>) Http.object(reset).get("workers")).hasSize(1);
    assertThat(server.storedEvents()).extracting(e -> e.get("message")).containsExactly("kept");
    assertThat(server.stacks()).hasSize(1);
    assertThat(http.get("/api/v2/projects/" + accounts.projectId(), user).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> post(String path) {
    return http.send("POST", path, HttpRequest.BodyPublishers.noBody(), user);
  }

  private HttpResponse<String> delete(String path) {
    return http.send("DELETE", path, HttpRequest.BodyPublishers.noBody(), user);
  }
}
