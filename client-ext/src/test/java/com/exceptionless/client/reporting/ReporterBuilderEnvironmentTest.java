package com.exceptionless.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.ExceptionlessClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code fromEnv()} needs a project's API key and says what to set; a user token is refused with the reason. */
class ReporterBuilderEnvironmentTest {
  private static final String KEY = "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0";

  @Test
  void withoutAnApiKeyBuildingFailsSayingWhichVariableToSet() {
    assertThatThrownBy(() -> ExceptionlessReporter.builder().fromEnv(new HashMap<String, String>()::get).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EXCEPTIONLESS_API_KEY is not set");
  }

  @Test
  void aUserTokenAloneIsRefusedBecauseEventsNeedAProjectKey() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_USER_TOKEN", KEY);

    assertThatThrownBy(() -> ExceptionlessReporter.builder().fromEnv(env::get).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EXCEPTIONLESS_USER_TOKEN is set")
        .hasMessageContaining("set EXCEPTIONLESS_API_KEY")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void anApiKeyAndServerUrlFromTheEnvironmentAreUsedAndAUserTokenBesideThemIgnored() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_API_KEY", KEY);
    env.put("EXCEPTIONLESS_USER_TOKEN", "another-token-of-a-user");
    env.put("EXCEPTIONLESS_SERVER_URL", "http://127.0.0.1:1/");

    ExceptionlessReporter reporter = ExceptionlessReporter.builder().fromEnv(env::get).shutdownHook(false).build();
    try {
      assertThat(reporter.toString()).contains("127.0.0.1:1").contains("API key").doesNotContain(KEY);
    } finally {
      reporter.close(java.time.Duration.ofMillis(100));
    }
  }

  @Test
  void aClientWithAUserTokenIsRefused() {
    ExceptionlessClient client = ExceptionlessClient.builder().userToken(KEY).build();

    assertThatThrownBy(() -> ExceptionlessReporter.builder().client(client).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client API key");
  }

  @Test
  void aServerUrlSetInCodeWinsOverTheEnvironmentAndABadOneIsRefusedWhenSet() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_API_KEY", KEY);
    env.put("EXCEPTIONLESS_SERVER_URL", "http://127.0.0.1:1/");

    assertThatThrownBy(() -> ExceptionlessReporter.builder().serverUrl("http://127.0.0.1:2/api/v2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serverUrl ends with /api/v2");
    assertThatThrownBy(() -> ExceptionlessReporter.builder().apiKey("a key\nwith a line break"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("line break");
    ExceptionlessReporter reporter = ExceptionlessReporter.builder().serverUrl("http://127.0.0.1:2")
        .fromEnv(env::get).shutdownHook(false).build();
    try {
      assertThat(reporter.toString()).contains("127.0.0.1:2").doesNotContain("127.0.0.1:1").doesNotContain(KEY);
    } finally {
      reporter.close(java.time.Duration.ofMillis(100));
    }
  }

  @Test
  void anInvalidServerUrlInTheEnvironmentFailsTheBuildNamingTheEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_API_KEY", KEY);
    env.put("EXCEPTIONLESS_SERVER_URL", "http://127.0.0.1:1/api/v2");

    assertThatThrownBy(() -> ExceptionlessReporter.builder().fromEnv(env::get).shutdownHook(false).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Invalid environment: serverUrl ends with /api/v2");
  }
}
