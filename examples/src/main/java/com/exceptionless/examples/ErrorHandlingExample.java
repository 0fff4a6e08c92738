package com.exceptionless.examples;

import com.exceptionless.client.ClientTokenPolicy;
import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.errors.ExceptionlessServiceException;
import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.UnauthorizedException;
import java.io.PrintStream;

/** Errors: a failed login and a call the credential may not make, as typed exceptions. */
public final class ErrorHandlingExample {
  private ErrorHandlingExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(ErrorHandlingExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) {
    ExceptionlessClient anonymous = ExceptionlessClient.builder().serverUrl(target.serverUrl).build();
    // README: errors
    try {
      anonymous.login("nobody@example.com", "wrong-password");
    } catch (UnauthorizedException e) {
      out.println("Login refused: " + e.statusCode() + " " + e.problem().getTitle());
    }

    ExceptionlessClient appKey = target.userClient()
        .connectToProject(target.project(), ClientTokenPolicy.REUSE_EXISTING).client();
    try {
      appKey.projects().list();
    } catch (ForbiddenException e) {
      out.println("A client token cannot list projects: " + e.getMessage());
    } catch (ExceptionlessServiceException e) {
      out.println("Unexpected " + e.statusCode() + ": " + e.getMessage());
    }
    // README: end
  }
}
