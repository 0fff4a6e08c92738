package com.exceptionless.examples;

import com.exceptionless.testkit.ExceptionlessTestServerMain;

/** Starts the stand-in server on its own, printing its URL and seeded credentials, until Ctrl-C. */
public final class StandInServer {
  private StandInServer() {
  }

  public static void main(String[] args) throws Exception {
    ExceptionlessTestServerMain.main(args);
  }
}
