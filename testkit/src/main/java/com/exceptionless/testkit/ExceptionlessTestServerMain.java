package com.exceptionless.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point: starts a seeded {@link ExceptionlessTestServer} (option {@code --port N}, default
 * an ephemeral port), prints its URL and the seeded test credentials, and runs until the JVM is asked to stop
 * (Ctrl-C, SIGTERM): it never reads standard input, so it runs detached ({@code &}, {@code nohup}, a CI step).
 */
public final class ExceptionlessTestServerMain {
  private ExceptionlessTestServerMain() {
  }

  /**
   * Runs the server until the JVM shuts down (Ctrl-C or SIGTERM); a shutdown hook closes it.
   *
   * @param args optionally {@code --port N}
   * @throws InterruptedException if the main thread is interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    int port;
    try {
      port = parsePort(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("Usage: ExceptionlessTestServerMain [--port N]");
      System.exit(2);
      return;
    }
    final ExceptionlessTestServer server = ExceptionlessTestServer.builder().port(port).start();
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
      @Override
      public void run() {
        server.close();
        stopped.countDown();
      }
    }, "exceptionless-test-server-shutdown"));
    printBanner(server, System.out);
    stopped.await();
  }

  static int parsePort(String[] args) {
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        try {
          port = Integer.parseInt(args[++i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Not a port number: " + args[i]);
        }
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("Port out of range: " + port);
        }
      } else {
        throw new IllegalArgumentException("Unknown argument: " + args[i]);
      }
    }
    return port;
  }

  /** Prints the URL and the seeded test credentials; printing them is this local tool's purpose. */
  static void printBanner(ExceptionlessTestServer server, PrintStream out) {
    TestAccounts accounts = server.accounts();
    out.println("Exceptionless test server listening on " + server.baseUrl() + " (API under /api/v2)");
    out.println("  user:          " + accounts.userEmail() + " / " + accounts.userPassword()
        + "  (id " + accounts.userId() + ")");
    out.println("  global admin:  " + accounts.adminEmail() + " / " + accounts.adminPassword()
        + "  (id " + accounts.adminUserId() + ")");
    out.println("  organization:  " + accounts.organizationName() + "  (id " + accounts.organizationId() + ")");
    out.println("  project:       " + accounts.projectName() + "  (id " + accounts.projectId() + ")");
    out.println("  project:       " + accounts.secondProjectName() + "  (id " + accounts.secondProjectId() + ")");
    out.println("  client API key (" + accounts.projectName() + "): " + accounts.clientApiKey());
    out.println("  client API key (" + accounts.secondProjectName() + "): " + accounts.secondProjectClientApiKey());
    out.println("  user API key (organization-wide): " + accounts.userApiKey());
    out.println("Stop with Ctrl-C or SIGTERM.");
    out.flush();
  }
}
