package com.exceptionless.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh seeded server per test, with an HTTP helper and the demo user's and client key's Authorization values. */
abstract class SeededServerTest {
  ExceptionlessTestServer server;
  Http http;
  TestAccounts accounts;
  /** {@code Bearer <login token>} of the seeded demo user. */
  String user;
  /** {@code Bearer <client API key>} of the seeded first project. */
  String client;

  @BeforeEach
  void startSeededServer() {
    server = builder().start();
    http = new Http(server);
    accounts = server.accounts();
    user = Http.bearer(http.login(accounts.userEmail(), accounts.userPassword()));
    client = Http.bearer(accounts.clientApiKey());
  }

  /** The server to start; tests whose events carry fixed dates override it to pin the clock near them. */
  ExceptionlessTestServer.Builder builder() {
    return ExceptionlessTestServer.builder();
  }

  @AfterEach
  void stopSeededServer() {
    server.close();
  }
}
