package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ExceptionlessTestServerExtension.class)
class ExtensionInjectionTest {
  private static final AtomicReference<ExceptionlessTestServer> FIRST_SEEN = new AtomicReference<>();

  @Test
  void injectsARunningSeededServerAndItsAccounts(ExceptionlessTestServer server, TestAccounts accounts) {
    assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
    assertThat(accounts.projectId()).isEqualTo("537650f3b77efe23a47914f4");
    assertThat(new Http(server).get("/api/v2/projects/config", Http.bearer(accounts.clientApiKey()))
        .statusCode()).isEqualTo(200);
    sameServerForTheClass(server);
  }

  @Test
  void injectsTheSameServerIntoEveryTestOfTheClass(ExceptionlessTestServer server) {
    sameServerForTheClass(server);
  }

  @Nested
  class NestedTests {
    @Test
    void nestedClassesShareTheOuterServer(ExceptionlessTestServer server) {
      sameServerForTheClass(server);
    }
  }

  private static void sameServerForTheClass(ExceptionlessTestServer server) {
    FIRST_SEEN.compareAndSet(null, server);
    assertThat(server).isSameAs(FIRST_SEEN.get());
  }
}
