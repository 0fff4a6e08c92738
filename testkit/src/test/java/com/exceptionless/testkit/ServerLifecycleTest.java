package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {
  @Test
  void runsOnDaemonThreadsAndStopsOnClose() {
    ExceptionlessTestServer server = ExceptionlessTestServer.start();
    new Http(server).get("/api/v2/projects", null);

    List<Thread> serverThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("exceptionless-test-server") || t.getName().startsWith("HTTP-"))
        .toList();
    assertThat(serverThreads).isNotEmpty().allMatch(Thread::isDaemon);

    server.close();
    server.close();

    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v2/projects")).build();
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(server.toString()).endsWith(", closed}");
  }

  @Test
  void listensOnTheRequestedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (ExceptionlessTestServer server = ExceptionlessTestServer.builder().port(port).start()) {
      assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
    }
  }

  @Test
  void unseededServerHasNoAccountsButAcceptsAddedData() {
    try (ExceptionlessTestServer server = ExceptionlessTestServer.builder().seeded(false).start()) {
      assertThatThrownBy(server::accounts).isInstanceOf(IllegalStateException.class);
      String userId = server.addUser("solo@example.test", "solo-password", false);
      String organizationId = server.addOrganization("Solo", userId);
      String projectId = server.addProject(organizationId, "Solo project");
      String key = server.addToken(projectId, null);
      String orgKey = server.addOrganizationToken(organizationId, userId, "user");

      assertThat(userId).matches("[0-9a-f]{24}");
      assertThat(projectId).matches("[0-9a-f]{24}");
      assertThat(key).matches("[A-Za-z0-9]{40}");
      Http http = new Http(server);
      assertThat(http.get("/api/v2/projects", Http.bearer(orgKey)).statusCode()).isEqualTo(200);
      assertThat(http.postJson("/api/v2/events", Http.bearer(key), "{\"type\":\"log\"}").statusCode())
          .isEqualTo(202);
      assertThat(server.receivedEvents(projectId)).hasSize(1);
      assertThatThrownBy(() -> server.addToken(projectId, null, "admin"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> server.addUser("SOLO@example.test", "other-password", false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void seededValuesAreFixedAndNeverPrintedByToString() {
    TestAccounts accounts = TestAccounts.SEEDED;

    assertThat(accounts.userEmail()).isEqualTo("demo@exceptionless.test");
    assertThat(accounts.userPassword()).isEqualTo("demo-password");
    assertThat(accounts.adminEmail()).isEqualTo("admin@exceptionless.test");
    assertThat(accounts.adminPassword()).isEqualTo("admin-password");
    assertThat(accounts.organizationId()).isEqualTo("537650f3b77efe23a47914f3");
    assertThat(accounts.organizationName()).isEqualTo("Acme");
    assertThat(accounts.projectId()).isEqualTo("537650f3b77efe23a47914f4");
    assertThat(accounts.projectName()).isEqualTo("Disintegrating Pistol");
    assertThat(accounts.secondProjectId()).isEqualTo("537650f3b77efe23a47914f5");
    assertThat(accounts.secondProjectName()).isEqualTo("Quantum Toaster");
    for (String key : List.of(accounts.clientApiKey(), accounts.userApiKey(), accounts.secondProjectClientApiKey())) {
      assertThat(key).matches("[A-Za-z0-9]{40}");
      assertThat(accounts.toString()).doesNotContain(key);
    }
    assertThat(accounts.toString()).doesNotContain(accounts.userPassword()).doesNotContain(accounts.adminPassword());
    TokenRecord token = new InMemoryStoreProbe().seededToken(accounts.clientApiKey());
    assertThat(token.toString()).doesNotContain(accounts.clientApiKey());
  }

  @Test
  void mainParsesThePortAndPrintsTheCredentials() {
    assertThat(ExceptionlessTestServerMain.parsePort(new String[0])).isZero();
    assertThat(ExceptionlessTestServerMain.parsePort(new String[] {"--port", "8123"})).isEqualTo(8123);
    assertThatThrownBy(() -> ExceptionlessTestServerMain.parsePort(new String[] {"--bogus"}))
        .isInstanceOf(IllegalArgumentException.class);

    try (ExceptionlessTestServer server = ExceptionlessTestServer.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ExceptionlessTestServerMain.printBanner(server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String banner = bytes.toString(StandardCharsets.UTF_8);

      assertThat(banner).contains(server.baseUrl(), "demo@exceptionless.test", "demo-password",
          "admin-password", TestAccounts.CLIENT_API_KEY, TestAccounts.USER_API_KEY,
          TestAccounts.SECOND_PROJECT_CLIENT_API_KEY, TestAccounts.PROJECT_ID);
    }
  }

  @Test
  void mainRunsDetachedOnTheGivenPortAndStopsOnSigterm() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process process = new ProcessBuilder(java, "-cp", classPath, ExceptionlessTestServerMain.class.getName(),
        "--port", String.valueOf(port))
        .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).contains("listening on http://").contains(":" + port + " ");

      // Standard input is at its end from the start; the server must keep running regardless.
      Thread.sleep(500);
      assertThat(process.isAlive()).isTrue();
      HttpResponse<String> about = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/projects")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(about.statusCode()).isEqualTo(401);

      process.destroy(); // SIGTERM: the shutdown hook closes the server
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  /** Seeds a bare store to look at a stored token. */
  private static final class InMemoryStoreProbe {
    TokenRecord seededToken(String id) {
      InMemoryStore store = new InMemoryStore();
      SeedData.seed(store, java.time.Instant.now());
      return store.token(id);
    }
  }
}
