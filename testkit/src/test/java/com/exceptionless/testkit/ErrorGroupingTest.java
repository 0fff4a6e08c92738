package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors group into stacks the way the server's ErrorSignature.cs groups them, project data included. */
class ErrorGroupingTest extends SeededServerTest {
  /** A NumberFormatException thrown inside the JDK, reached from the application method {@code caller}. */
  private static String parseFailure(String caller) {
    return "{\"type\":\"error\",\"@error\":{\"type\":\"java.lang.NumberFormatException\",\"message\":\"For input string\","
        + "\"stack_trace\":["
        + "{\"declaring_namespace\":\"java.lang\",\"declaring_type\":\"Integer\",\"name\":\"parseInt\","
        + "\"parameters\":[{\"name\":\"s\",\"type\":\"java.lang.String\"}]},"
        + "{\"declaring_namespace\":\"com.acme.shop\",\"declaring_type\":\"Cart\",\"name\":\"" + caller + "\","
        + "\"parameters\":[{\"name\":\"quantity\",\"type\":\"java.lang.String\"}]}]}}";
  }

  @Test
  void withoutUserNamespacesAJdkFrameCountsAsUserCodeSoJdkFailuresShareAStack() {
    submit(parseFailure("add"));
    submit(parseFailure("remove"));

    assertThat(server.stacks()).singleElement().satisfies(stack -> assertThat(stack.get("signature_info"))
        .isEqualTo(Map.of("ExceptionType", "java.lang.NumberFormatException",
            "Method", "java.lang.Integer.parseInt(java.lang.String s)")));
  }

  @Test
  void userNamespacesMakeErrorsGroupOnTheApplicationsOwnFrame() {
    setProjectData("UserNamespaces", "com.acme, org.example");
    submit(parseFailure("add"));
    submit(parseFailure("remove"));

    assertThat(server.stacks()).extracting(stack -> (Object) ((Map<?, ?>) stack.get("signature_info")).get("Method"))
        .containsExactly("com.acme.shop.Cart.add(java.lang.String quantity)",
            "com.acme.shop.Cart.remove(java.lang.String quantity)");
  }

  @Test
  void commonMethodsArePassedOver() {
    setProjectData("UserNamespaces", "com.acme");
    setProjectData("CommonMethods", "Cart.add");
    submit(parseFailure("add"));

    assertThat(signature()).containsEntry("Method", "java.lang.Integer.parseInt(java.lang.String s)");
  }

  @Test
  void theInnermostCauseWithAUserFrameWinsAndErrorCodesAreAdded() {
    submit("{\"type\":\"error\",\"@error\":{\"type\":\"java.io.UncheckedIOException\",\"stack_trace\":["
        + "{\"declaring_namespace\":\"com.acme.web\",\"declaring_type\":\"Controller\",\"name\":\"post\"}],"
        + "\"inner\":{\"type\":\"java.sql.SQLException\",\"data\":{\"@ext\":{\"ErrorCode\":1213}},\"stack_trace\":["
        + "{\"declaring_namespace\":\"com.acme.db\",\"declaring_type\":\"Orders\",\"name\":\"save\","
        + "\"generic_arguments\":[\"T\"]}]}}}");

    assertThat(signature()).isEqualTo(Map.of("ExceptionType", "java.sql.SQLException",
        "Method", "com.acme.db.Orders.save[T]()", "ErrorCode", "1213"));
  }

  @Test
  void withoutAUserFrameTheInnermostTopFrameIsUsed() {
    setProjectData("UserNamespaces", "org.nowhere");
    submit(parseFailure("add"));

    assertThat(signature()).containsEntry("Method", "java.lang.Integer.parseInt(java.lang.String s)");
  }

  @Test
  void simpleErrorsGroupOnTypeAndTheHashOfTheWholeTrace() {
    submit("{\"type\":\"error\",\"@simple_error\":{\"type\":\"java.lang.IllegalStateException\","
        + "\"stack_trace\":\"at a.b.C.d(C.java:1)\\nat a.b.C.e(C.java:2)\"}}");
    submit("{\"type\":\"error\",\"@simple_error\":{\"type\":\"java.lang.IllegalStateException\","
        + "\"stack_trace\":\"at a.b.C.d(C.java:1)\\nat a.b.C.f(C.java:3)\"}}");

    assertThat(server.stacks()).hasSize(2);
    assertThat(signature()).containsEntry("ExceptionType", "java.lang.IllegalStateException").containsKey("StackTrace");
  }

  @Test
  void manualStackingWins() {
    submit("{\"type\":\"error\",\"@stack\":{\"title\":\"Checkout\",\"signature_data\":{\"ManualStackingKey\":\"checkout\"}},"
        + "\"@error\":{\"type\":\"java.lang.IllegalStateException\"}}");

    assertThat(signature()).isEqualTo(Map.of("ManualStackingKey", "checkout"));
    assertThat(server.stacks().get(0)).containsEntry("title", "Checkout");
  }

  private void setProjectData(String key, String value) {
    assertThat(http.postJson("/api/v2/projects/" + accounts.projectId() + "/data?key=" + key, user,
        "{\"value\":\"" + value + "\"}").statusCode()).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> signature() {
    List<Map<String, Object>> stacks = server.stacks();
    return (Map<String, Object>) stacks.get(0).get("signature_info");
  }

  private void submit(String event) {
    assertThat(http.postJson("/api/v2/events", client, event).statusCode()).isEqualTo(202);
  }
}
