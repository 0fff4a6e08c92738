package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.BadRequestException;
import com.exceptionless.client.errors.UnauthorizedException;
import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.Parameter;
import com.exceptionless.client.model.PersistentEvent;
import com.exceptionless.client.model.Stack;
import com.exceptionless.client.model.StackFrame;
import com.exceptionless.client.model.ViewCurrentUser;
import com.exceptionless.client.model.ViewUser;
import com.exceptionless.client.paging.Page;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.TestAccounts;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The current user, organization members, project and organization data and project resets, end to end. */
@ExtendWith(ExceptionlessTestServerExtension.class)
class UsersAndDataEndToEndTest {
  @Test
  void theCurrentUserIsTheLoggedInUser(ExceptionlessTestServer server, TestAccounts accounts) {
    ViewCurrentUser me = EndToEnd.user(server).users().me();

    assertThat(me.getId()).isEqualTo(accounts.userId());
    assertThat(me.getEmailAddress()).isEqualTo(accounts.userEmail());
    assertThat(me.getOrganizationIds()).contains(accounts.organizationId());
    assertThatThrownBy(() -> EndToEnd.anonymous(server).withApiKey(accounts.userApiKey()).users().me())
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void membersAreInvitedListedAndRemoved(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String organizationId = server.addOrganization(EndToEnd.unique("Members"), accounts.userId());
    String invited = EndToEnd.unique("colleague") + "@example.com";

    user.organizations().addUser(organizationId, invited);
    user.organizations().addUser(organizationId, accounts.adminEmail());
    Page<ViewUser> page = user.organizations().users(organizationId, 1, 10);
    user.organizations().removeUser(organizationId, invited);
    user.organizations().removeUser(organizationId, accounts.adminEmail());

    assertThat(page.items()).extracting(ViewUser::getEmailAddress, ViewUser::getIsInvite).containsExactly(
        org.assertj.core.groups.Tuple.tuple(accounts.userEmail(), false),
        org.assertj.core.groups.Tuple.tuple(accounts.adminEmail(), false),
        org.assertj.core.groups.Tuple.tuple(invited, true));
    assertThat(page.totalCount()).hasValue(3L);
    assertThat(user.organizations().users(organizationId, 1, 10).items()).extracting(ViewUser::getEmailAddress)
        .containsExactly(accounts.userEmail());
    assertThatThrownBy(() -> user.organizations().removeUser(organizationId, accounts.userEmail()))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("at least one user");
    assertThatThrownBy(() -> user.organizations().addUser(organizationId, "not-an-address"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void projectAndOrganizationDataAreSetAndDeleted(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String projectId = server.addProject(accounts.organizationId(), EndToEnd.unique("Data"));

    user.projects().setData(projectId, "Team", " payments ");
    user.projects().setUserNamespaces(projectId, Arrays.asList("com.acme.shop", " org.example "));
    user.organizations().setData(accounts.organizationId(), "Region", "eu");
    Map<String, Object> data = user.projects().get(projectId).getData();
    user.projects().deleteData(projectId, "Team");
    user.organizations().deleteData(accounts.organizationId(), "Region");

    assertThat(data).containsEntry("Team", "payments").containsEntry("UserNamespaces", "com.acme.shop,org.example");
    assertThat(user.projects().get(projectId).getData()).containsOnlyKeys("UserNamespaces");
    assertThat(user.organizations().get(accounts.organizationId()).getData()).isNullOrEmpty();
    assertThatThrownBy(() -> user.projects().setData(projectId, "-x", "v")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> user.projects().setUserNamespaces(projectId, Collections.singletonList("a,b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userNamespacesMakeJavaErrorsGroupOnTheApplicationsFrameNotTheJdks(ExceptionlessTestServer server,
      TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String before = server.addProject(accounts.organizationId(), EndToEnd.unique("Jdk-grouping"));
    String after = server.addProject(accounts.organizationId(), EndToEnd.unique("App-grouping"));
    user.projects().setUserNamespaces(after, Collections.singletonList("com.acme"));

    for (String projectId : Arrays.asList(before, after)) {
      ExceptionlessClient key = EndToEnd.anonymous(server).withApiKey(server.addToken(projectId, null, "client"));
      key.events().submit(Arrays.asList(parseFailure("add"), parseFailure("remove")));
    }

    assertThat(methods(user, before)).containsExactly("java.lang.Integer.parseInt(java.lang.String s)");
    assertThat(methods(user, after)).containsExactlyInAnyOrder("com.acme.shop.Cart.add(java.lang.String quantity)",
        "com.acme.shop.Cart.remove(java.lang.String quantity)");
  }

  @Test
  void resetDataRemovesTheProjectsEvents(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String projectId = server.addProject(accounts.organizationId(), EndToEnd.unique("Reset"));
    EndToEnd.anonymous(server).withApiKey(server.addToken(projectId, null, "client")).events()
        .submit(Event.builder().type("log").message("to be reset").build());
    EventQuery query = EventQuery.builder().project(projectId).build();
    assertThat(user.events().list(query).items()).hasSize(1);

    List<String> workers = user.projects().resetData(projectId);

    assertThat(workers).hasSize(1);
    List<PersistentEvent> left = EndToEnd.poll(Duration.ofSeconds(5), () -> user.events().list(query).items(),
        List::isEmpty);
    assertThat(left).isEmpty();
    assertThat(user.projects().get(projectId).getId()).isEqualTo(projectId);
  }

  private static List<String> methods(ExceptionlessClient user, String projectId) {
    return user.stacks().list(StackQuery.builder().project(projectId).build()).items().stream()
        .map(Stack::getSignatureInfo).map(info -> info.get("Method")).collect(Collectors.toList());
  }

  /** A NumberFormatException thrown inside the JDK, reached from the application method {@code caller}. */
  private static Event parseFailure(String caller) {
    ErrorInfo error = ErrorInfo.builder().type("java.lang.NumberFormatException").message("For input string: \"x\"")
        .stackTrace(Arrays.asList(
            StackFrame.builder().declaringNamespace("java.lang").declaringType("Integer").name("parseInt")
                .parameters(Collections.singletonList(Parameter.builder().name("s").type("java.lang.String").build()))
                .build(),
            StackFrame.builder().declaringNamespace("com.acme.shop").declaringType("Cart").name(caller)
                .parameters(Collections.singletonList(Parameter.builder().name("quantity").type("java.lang.String").build()))
                .build()))
        .build();
    return Event.builder().type("error").putDataItem("@error", error).build();
  }
}
