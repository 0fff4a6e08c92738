package com.exceptionless.client.reporting;

import java.time.Duration;

/**
 * The default uncaught-exception handler the reporter installs when asked: it reports the exception as a
 * critical, unhandled error, gives the reporter a moment to send it, then hands the exception to the handler
 * that was installed before (or prints it, as the JVM does when there is none). Thread-safe.
 */
final class UncaughtExceptionReporter implements Thread.UncaughtExceptionHandler {
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(2);

  private final ExceptionlessReporter reporter;
  private final Thread.UncaughtExceptionHandler previous;

  private UncaughtExceptionReporter(ExceptionlessReporter reporter, Thread.UncaughtExceptionHandler previous) {
    this.reporter = reporter;
    this.previous = previous;
  }

  static UncaughtExceptionReporter install(ExceptionlessReporter reporter) {
    UncaughtExceptionReporter handler = new UncaughtExceptionReporter(reporter, Thread.getDefaultUncaughtExceptionHandler());
    Thread.setDefaultUncaughtExceptionHandler(handler);
    return handler;
  }

  /** Puts the previous handler back, if this one is still the default. */
  void uninstall() {
    if (Thread.getDefaultUncaughtExceptionHandler() == this) {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    try {
      reporter.createException(error).critical().submissionMethod("uncaught").submit();
      reporter.flush(FLUSH_WAIT);
    } catch (RuntimeException ignored) {
      // Reporting must never change what happens to the uncaught exception.
    } finally {
      if (previous != null) {
        previous.uncaughtException(thread, error);
      } else if (!(error instanceof ThreadDeath)) {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace(System.err);
      }
    }
  }
}
