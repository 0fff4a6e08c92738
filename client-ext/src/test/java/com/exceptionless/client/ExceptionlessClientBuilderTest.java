package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ExceptionlessClientBuilderTest {
  @Test
  void defaultsToTheHostedServer() {
    ExceptionlessClient client = ExceptionlessClient.builder().build();

    assertThat(client.serverUrl()).isEqualTo("https://api.exceptionless.com/");
  }

  @Test
  void acceptsServerUrlWithOrWithoutTrailingSlashAndKeepsPathPrefix() {
    assertThat(ExceptionlessClient.builder().serverUrl("http://localhost:5000").build().serverUrl())
        .isEqualTo("http://localhost:5000/");
    assertThat(ExceptionlessClient.builder().serverUrl("http://localhost:5000/").build().serverUrl())
        .isEqualTo("http://localhost:5000/");
    assertThat(ExceptionlessClient.builder().serverUrl(" https://example.com/exceptionless ").build().serverUrl())
        .isEqualTo("https://example.com/exceptionless/");
  }

  @Test
  void rejectsUnusableServerUrlsWithAMessageThatSaysWhatToFix() {
    assertThatThrownBy(() -> ExceptionlessClient.builder().serverUrl(null))
        .isInstanceOf(NullPointerException.class).hasMessage("serverUrl == null");
    assertThatThrownBy(() -> ExceptionlessClient.builder().serverUrl("ftp://example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http or https URL");
    assertThatThrownBy(() -> ExceptionlessClient.builder().serverUrl("https://user:secret@example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name or password")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> ExceptionlessClient.builder().serverUrl("https://example.com/api/v2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the SDK adds /api/v2 itself");
    assertThatThrownBy(() -> ExceptionlessClient.builder().serverUrl("https://example.com/?access_token=x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
  }

  @Test
  void rejectsBlankOrMalformedCredentialsWithoutEchoingThem() {
    assertThatThrownBy(() -> ExceptionlessClient.builder().apiKey(null))
        .isInstanceOf(NullPointerException.class).hasMessage("apiKey == null");
    assertThatThrownBy(() -> ExceptionlessClient.builder().apiKey("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey is blank");
    assertThatThrownBy(() -> ExceptionlessClient.builder().userToken("Bearer abcdefghijklmnop"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without \"Bearer \"")
        .hasMessageNotContaining("abcdefghijklmnop");
  }

  @Test
  void rejectsNegativeTimeouts() {
    assertThatThrownBy(() -> ExceptionlessClient.builder().readTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout is negative");
    assertThatThrownBy(() -> ExceptionlessClient.builder().connectTimeout(null))
        .isInstanceOf(NullPointerException.class).hasMessage("connectTimeout == null");
  }

  @Test
  void fromEnvReadsServerUrlAndCredential() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_SERVER_URL", "http://localhost:5000");
    env.put("EXCEPTIONLESS_API_KEY", "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0");

    ExceptionlessClient client = ExceptionlessClient.fromEnv(env::get);

    assertThat(client.serverUrl()).isEqualTo("http://localhost:5000/");
    assertThat(client.toString()).contains("API key(***)").doesNotContain("LhhP1C9g");
  }

  @Test
  void fromEnvRefusesTwoCredentials() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_API_KEY", "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0");
    env.put("EXCEPTIONLESS_USER_TOKEN", "yxo1ewOMXJ8bnhQT1JUTb3vBRvNLfeGkHRhQ7a4p");

    assertThatThrownBy(() -> ExceptionlessClient.fromEnv(env::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both set").hasMessageNotContaining("LhhP1C9g");
  }

  @Test
  void fromEnvReportsAnInvalidVariableByName() {
    Map<String, String> env = new HashMap<>();
    env.put("EXCEPTIONLESS_SERVER_URL", "not a url");

    assertThatThrownBy(() -> ExceptionlessClient.fromEnv(env::get))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Invalid environment");
  }

  @Test
  void userAgentCarriesANumericVersion() {
    assertThat(ExceptionlessClient.builder().build().userAgent()).matches("exceptionless-java/\\d+\\.\\d+\\.\\d+");
    assertThat(SdkVersion.numeric("1.2.3-SNAPSHOT")).isEqualTo("1.2.3");
    assertThat(SdkVersion.numeric(null)).isEqualTo("0.0.0");
  }

  @Test
  void userAgentVersionIsTheProjectVersionTheBuildFilteredIn() {
    String projectVersion = System.getProperty("test.project.version");
    assumeThat(projectVersion).as("test.project.version is set by the Maven build (surefire), not in an IDE run").isNotNull();

    // One source: version.properties, filtered with ${project.version}, the same value as the jar's Implementation-Version.
    assertThat(ExceptionlessClient.builder().build().userAgent())
        .isEqualTo("exceptionless-java/" + SdkVersion.numeric(projectVersion))
        .isNotEqualTo("exceptionless-java/0.0.0");
  }

  @Test
  void derivedClientsKeepSettingsAndSwapOnlyTheCredential() {
    ExceptionlessClient anonymous = ExceptionlessClient.builder().serverUrl("http://localhost:5000").build();

    ExceptionlessClient withKey = anonymous.withApiKey("LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0");

    assertThat(withKey.serverUrl()).isEqualTo("http://localhost:5000/");
    assertThat(withKey.toString()).contains("API key(***)");
    assertThat(anonymous.toString()).contains("credential=none");
  }

  @Test
  void aUserOkHttpClientKeepsItsInterceptorsPoolAndDispatcherAndDerivedClientsShareThem() {
    Interceptor mine = chain -> chain.proceed(chain.request());
    OkHttpClient users = new OkHttpClient.Builder().addInterceptor(mine).build();

    ExceptionlessClient client = ExceptionlessClient.builder().serverUrl("http://localhost:5000")
        .okHttpClient(users).readTimeout(Duration.ofSeconds(7)).build();
    ExceptionlessClient derived = client.newBuilder().readTimeout(Duration.ofSeconds(3)).build()
        .withApiKey("LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0");

    for (ExceptionlessClient each : new ExceptionlessClient[] {client, derived}) {
      assertThat(each.httpClient().interceptors()).contains(mine);
      assertThat(each.httpClient().connectionPool()).isSameAs(users.connectionPool());
      assertThat(each.httpClient().dispatcher()).isSameAs(users.dispatcher());
    }
    assertThat(client.httpClient().readTimeoutMillis()).isEqualTo(7_000);
    assertThat(derived.httpClient().readTimeoutMillis()).isEqualTo(3_000);
    assertThat(users.interceptors()).containsExactly(mine);
  }

  @Test
  void clientsDerivedFromADefaultClientShareItsConnectionPoolEvenWithOtherTimeouts() {
    ExceptionlessClient client = ExceptionlessClient.builder().serverUrl("http://localhost:5000").build();

    ExceptionlessClient sameSettings = client.withApiKey("LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0");
    ExceptionlessClient otherTimeout = client.newBuilder().callTimeout(Duration.ofSeconds(5)).build();

    assertThat(sameSettings.httpClient().connectionPool()).isSameAs(client.httpClient().connectionPool());
    assertThat(otherTimeout.httpClient().connectionPool()).isSameAs(client.httpClient().connectionPool());
    assertThat(otherTimeout.httpClient().callTimeoutMillis()).isEqualTo(5_000);
    assertThat(ExceptionlessClient.builder().build().httpClient().connectionPool())
        .isNotSameAs(client.httpClient().connectionPool());
  }
}
