package com.exceptionless.examples;

import com.exceptionless.client.ClientTokenPolicy;
import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.TestAccounts;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * Where an example runs: a real server named by the environment, or else the in-process stand-in server.
 *
 * <p>Real server: {@code EXCEPTIONLESS_SERVER_URL} plus {@code EXCEPTIONLESS_USER_TOKEN} (or
 * {@code EXCEPTIONLESS_EMAIL} and {@code EXCEPTIONLESS_PASSWORD}) and {@code EXCEPTIONLESS_PROJECT} (name or id).
 */
final class ExampleTarget implements AutoCloseable {
  final String serverUrl;
  final String userToken;
  final String email;
  final String password;
  final String project;
  /** A fresh stand-in shows a token being created; a real server reuses one so runs do not pile tokens up. */
  final ClientTokenPolicy tokenPolicy;
  final ExceptionlessTestServer standIn;

  private ExampleTarget(String serverUrl, String userToken, String email, String password, String project,
      ExceptionlessTestServer standIn) {
    this.serverUrl = serverUrl;
    this.userToken = userToken;
    this.email = email;
    this.password = password;
    this.project = project;
    this.tokenPolicy = standIn != null ? ClientTokenPolicy.CREATE_NEW : ClientTokenPolicy.REUSE_EXISTING;
    this.standIn = standIn;
  }

  static ExampleTarget resolve(Function<String, String> env, PrintStream out) {
    String url = blankToNull(env.apply("EXCEPTIONLESS_SERVER_URL"));
    if (url == null) {
      ExceptionlessTestServer server = ExceptionlessTestServer.start();
      TestAccounts accounts = server.accounts();
      out.println("No EXCEPTIONLESS_SERVER_URL: using the in-process stand-in server at " + server.baseUrl());
      return new ExampleTarget(server.baseUrl(), null, accounts.userEmail(), accounts.userPassword(),
          "Quantum Toaster", server);
    }
    String project = blankToNull(env.apply("EXCEPTIONLESS_PROJECT"));
    String token = blankToNull(env.apply("EXCEPTIONLESS_USER_TOKEN"));
    String email = blankToNull(env.apply("EXCEPTIONLESS_EMAIL"));
    String password = env.apply("EXCEPTIONLESS_PASSWORD");
    if (project == null || (token == null && (email == null || password == null))) {
      throw new IllegalStateException("With EXCEPTIONLESS_SERVER_URL set, also set EXCEPTIONLESS_PROJECT (name or id) and"
          + " EXCEPTIONLESS_USER_TOKEN, or EXCEPTIONLESS_EMAIL and EXCEPTIONLESS_PASSWORD");
    }
    out.println("Using the server at " + url);
    return new ExampleTarget(url, token, email, password, project, null);
  }

  /** Returns a client authenticated as the user: with the token, or by logging in. */
  ExceptionlessClient userClient() {
    ExceptionlessClient anonymous = ExceptionlessClient.builder().serverUrl(serverUrl).build();
    return userToken != null ? anonymous.withUserToken(userToken) : anonymous.login(email, password);
  }

  @Override
  public void close() {
    if (standIn != null) {
      standIn.close();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
