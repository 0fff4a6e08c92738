package com.exceptionless.examples;

import com.exceptionless.client.ClientTokenPolicy;
import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.TestAccounts;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * Where an example runs: a real server named by {@code EXCEPTIONLESS_SERVER_URL}, or else the in-process
 * stand-in server with its seeded accounts.
 *
 * <p>Against a real server, user examples need {@code EXCEPTIONLESS_PROJECT} (name or id) and
 * {@code EXCEPTIONLESS_USER_TOKEN} (or {@code EXCEPTIONLESS_EMAIL} and {@code EXCEPTIONLESS_PASSWORD});
 * reporting examples need {@code EXCEPTIONLESS_API_KEY}.
 */
final class ExampleTarget implements AutoCloseable {
  final String serverUrl;
  final ExceptionlessTestServer standIn;
  /** A fresh stand-in shows a token being created; a real server reuses one so runs do not pile tokens up. */
  final ClientTokenPolicy tokenPolicy;
  private final Function<String, String> env;

  private ExampleTarget(String serverUrl, ExceptionlessTestServer standIn, Function<String, String> env) {
    this.serverUrl = serverUrl;
    this.standIn = standIn;
    this.env = env;
    this.tokenPolicy = standIn != null ? ClientTokenPolicy.CREATE_NEW : ClientTokenPolicy.REUSE_EXISTING;
  }

  static ExampleTarget resolve(Function<String, String> env, PrintStream out) {
    String url = setting(env, "EXCEPTIONLESS_SERVER_URL");
    if (url == null) {
      ExceptionlessTestServer server = ExceptionlessTestServer.start();
      out.println("No EXCEPTIONLESS_SERVER_URL: using the in-process stand-in server at " + server.baseUrl());
      return new ExampleTarget(server.baseUrl(), server, env);
    }
    out.println("Using the server at " + url);
    return new ExampleTarget(url, null, env);
  }

  /** The project the user examples work on. */
  String project() {
    return standIn != null ? standIn.accounts().secondProjectName() : required("EXCEPTIONLESS_PROJECT", "(a project name or id)");
  }

  /** A client-scoped API key for the reporting examples. */
  String apiKey() {
    return standIn != null ? standIn.accounts().clientApiKey() : required("EXCEPTIONLESS_API_KEY", "(a client-scoped API key)");
  }

  /** Returns a client authenticated as the user: with the token, or by logging in. */
  ExceptionlessClient userClient() {
    ExceptionlessClient anonymous = ExceptionlessClient.builder().serverUrl(serverUrl).build();
    if (standIn != null) {
      TestAccounts accounts = standIn.accounts();
      return anonymous.login(accounts.userEmail(), accounts.userPassword());
    }
    String token = setting(env, "EXCEPTIONLESS_USER_TOKEN");
    String email = setting(env, "EXCEPTIONLESS_EMAIL");
    String password = env.apply("EXCEPTIONLESS_PASSWORD");
    if (token == null && (email == null || password == null)) {
      throw new IllegalStateException("With EXCEPTIONLESS_SERVER_URL set, also set EXCEPTIONLESS_USER_TOKEN,"
          + " or EXCEPTIONLESS_EMAIL and EXCEPTIONLESS_PASSWORD");
    }
    return token != null ? anonymous.withUserToken(token) : anonymous.login(email, password);
  }

  @Override
  public void close() {
    if (standIn != null) {
      standIn.close();
    }
  }

  private String required(String name, String what) {
    String value = setting(env, name);
    if (value == null) {
      throw new IllegalStateException("With EXCEPTIONLESS_SERVER_URL set, also set " + name + " " + what);
    }
    return value;
  }

  private static String setting(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
