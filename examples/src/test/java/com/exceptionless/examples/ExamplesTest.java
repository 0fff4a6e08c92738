package com.exceptionless.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs each example on a fresh machine's terms: no configuration, so against the stand-in server. */
class ExamplesTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void workflowExamplePrintsEachStepAndWhatTheServerReceived() {
    int code = run(WorkflowExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out))
        .contains("Project found: Disintegrating Pistol")
        .contains("Project found: Quantum Toaster")
        .contains("Client token created: ViewToken{id=***")
        .contains("Event accepted (202)")
        .contains("The server received: {\"")
        .contains("Hello from exceptionless-java");
  }

  @Test
  void pagingExampleWalksEveryPage() {
    int code = run(PagingExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out)).contains("First page: 1 of 2 projects").contains("Next page: Quantum Toaster")
        .contains("Every project, lazily: Disintegrating Pistol");
  }

  @Test
  void errorHandlingExampleShowsTypedErrors() {
    int code = run(ErrorHandlingExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out)).contains("Login refused: 401").contains("A client token cannot list projects: 403 Forbidden");
  }

  @Test
  void errorReportingExampleDeliversAnErrorWithItsCauseChainAndALog() {
    int code = run(ErrorReportingExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out))
        .contains("Reporter: submitted 2, accepted 2, pending 0, discarded 0")
        .contains("The server received (error): Order 42 could not be placed tags=[example, checkout]")
        .contains("java.lang.IllegalStateException: Order 42 could not be placed")
        .contains("java.sql.SQLException: Deadlock found when trying to get lock")
        .contains("SQLState=40001")
        .contains("The server received (log): Checkout finished");
  }

  @Test
  void logbackExampleSendsAWarningAsALogAndTheErrorWithItsCauseAndTheInfoLineAsTrace() {
    int code = run(LogbackExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertLoggedEvents(text(out));
  }

  @Test
  void log4j2ExampleSendsAWarningAsALogAndTheErrorWithItsCauseAndTheInfoLineAsTrace() {
    int code = run(Log4j2Example::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertLoggedEvents(text(out));
  }

  private static void assertLoggedEvents(String printed) {
    assertThat(printed)
        .contains("The server received log from com.acme.checkout.Checkout: Payment provider answered in 2300 ms tags=[payments]")
        .contains("@level: Warn")
        .contains("The server received error from com.acme.checkout.Checkout: Payment failed tags=")
        .contains("orderId=42").contains("tenant=acme")
        .contains("@error: java.lang.IllegalStateException: card declined")
        .contains("@error: java.io.IOException: gateway timed out")
        .contains("@trace: [INFO com.acme.checkout.Checkout: Cart priced at 99.5 EUR]");
  }

  @Test
  void tokensExampleCreatesListsDisablesAndDeletesAToken() {
    int code = run(TokensExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out))
        .contains("Created: ViewToken{id=***")
        .contains("Token of Quantum Toaster: scopes [client], notes created by TokensExample")
        .contains("Disabled: true")
        .contains("Deleted: BulkResult{succeeded=1, failed=0}");
  }

  @Test
  void stacksExampleListsTheStacksAndMarksOneFixed() {
    int code = run(StacksExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out))
        .contains("Reported with a client token for Quantum Toaster: submitted 3, accepted 3, pending 0, discarded 0")
        .containsPattern("Stack: Card declined for order 1 \\[open, occurrences 2, last \\S+]")
        .containsPattern("Stack: For input string: \"forty-two\" \\[open, occurrences 1, last \\S+]")
        .contains("Marked fixed in 1.4.3: BulkResult{succeeded=1, failed=0}")
        .containsPattern("Now: Card declined for order 1 \\[fixed in 1.4.3 since \\S+]");
    assertThat(text(out).indexOf("Stack: Card declined")).as("sorted by occurrences, most first")
        .isLessThan(text(out).indexOf("Stack: For input string"));
  }

  @Test
  void readBackEventsExamplePollsUntilItsEventsAreStoredFindsOneByReferenceIdAndCountsThemByType() {
    int code = run(ReadBackEventsExample::run, new HashMap<>());

    assertThat(code).as(text(err)).isZero();
    assertThat(text(out))
        .containsPattern("Submitted 3 events tagged order-[0-9a-f-]{36}")
        .as("the stand-in processes after %s, so the first poll finds nothing", ReadBackEventsExample.STAND_IN_PROCESSING_DELAY)
        .contains("Poll 1: 0 of 3 events stored")
        .containsPattern("Poll \\d+: 3 of 3 events stored")
        .containsPattern("Found log event order-[0-9a-f-]{36}-placed: Order placed \\(stack \\w+\\)")
        .containsPattern("Found usage event order-[0-9a-f-]{36}-express: Express checkout \\(stack \\w+\\)")
        .containsPattern("Found log event order-[0-9a-f-]{36}-paid: Payment captured \\(stack \\w+\\)")
        .contains("By reference id: 1 event")
        .contains("Count: 3 events", "  log: 2", "  usage: 1");
  }

  @Test
  void stacksExampleAgainstAConfiguredServerOnlyLists() {
    try (com.exceptionless.testkit.ExceptionlessTestServer server = com.exceptionless.testkit.ExceptionlessTestServer.start()) {
      com.exceptionless.client.ExceptionlessClient.builder().serverUrl(server.baseUrl())
          .apiKey(server.accounts().clientApiKey()).build()
          .events().submit(com.exceptionless.client.model.Event.builder().type("log").source("billing").message("Invoice sent").build());
      Map<String, String> env = new HashMap<>();
      env.put("EXCEPTIONLESS_SERVER_URL", server.baseUrl());
      env.put("EXCEPTIONLESS_EMAIL", server.accounts().userEmail());
      env.put("EXCEPTIONLESS_PASSWORD", server.accounts().userPassword());
      env.put("EXCEPTIONLESS_PROJECT", server.accounts().projectName());

      int code = run(StacksExample::run, env);

      assertThat(code).as(text(err)).isZero();
      assertThat(text(out))
          .containsPattern("Stack: Invoice sent \\[open, occurrences 1, last \\S+]")
          .contains("Against a real server the example only lists")
          .doesNotContain("Reported with a client token")
          .doesNotContain("Marked fixed");
      assertThat(server.stacks()).extracting(stack -> stack.get("status")).containsExactly("open");
    }
  }

  @Test
  void workflowAndReportingExamplesRunAgainstAConfiguredServerAsAgainstARealOne() {
    try (com.exceptionless.testkit.ExceptionlessTestServer server = com.exceptionless.testkit.ExceptionlessTestServer.start()) {
      Map<String, String> env = new HashMap<>();
      env.put("EXCEPTIONLESS_SERVER_URL", server.baseUrl());
      env.put("EXCEPTIONLESS_EMAIL", server.accounts().userEmail());
      env.put("EXCEPTIONLESS_PASSWORD", server.accounts().userPassword());
      env.put("EXCEPTIONLESS_PROJECT", server.accounts().projectId());
      env.put("EXCEPTIONLESS_API_KEY", server.accounts().clientApiKey());

      int workflow = run(WorkflowExample::run, env);
      int reporting = run(ErrorReportingExample::run, env);

      assertThat(workflow).as(text(err)).isZero();
      assertThat(reporting).as(text(err)).isZero();
      assertThat(text(out))
          .contains("Using the server at " + server.baseUrl())
          .contains("Client token reused: ViewToken{id=***")
          .contains("The server processes events asynchronously")
          .contains("Reporter: submitted 2, accepted 2, pending 0, discarded 0");
      assertThat(server.receivedEvents(server.accounts().projectId())).extracting(e -> e.message())
          .contains("Hello from exceptionless-java", "Order 42 could not be placed", "Checkout finished");
    }
  }

  @Test
  void aWrongPasswordAgainstAConfiguredServerEndsWithOneLineAndExitCodeOne() {
    try (com.exceptionless.testkit.ExceptionlessTestServer server = com.exceptionless.testkit.ExceptionlessTestServer.start()) {
      Map<String, String> env = new HashMap<>();
      env.put("EXCEPTIONLESS_SERVER_URL", server.baseUrl());
      env.put("EXCEPTIONLESS_EMAIL", server.accounts().userEmail());
      env.put("EXCEPTIONLESS_PASSWORD", "not-the-password");
      env.put("EXCEPTIONLESS_PROJECT", "Quantum Toaster");

      int code = run(WorkflowExample::run, env);

      assertThat(code).isEqualTo(1);
      assertThat(text(err)).startsWith("Failed: 401 Unauthorized on POST api/v2/auth/login: Login failed.")
          .doesNotContain("not-the-password").hasLineCount(1);
    }
  }

  @Test
  void aConfiguredServerWithoutAProjectIsRefusedWithOneLine() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_SERVER_URL", "http://127.0.0.1:1");

    int code = run(WorkflowExample::run, env);

    assertThat(code).isEqualTo(1);
    assertThat(text(err)).contains("also set EXCEPTIONLESS_PROJECT").hasLineCount(1);
  }

  private int run(ExampleRunner.Example example, Map<String, String> env) {
    return ExampleRunner.run(example, env::get, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
