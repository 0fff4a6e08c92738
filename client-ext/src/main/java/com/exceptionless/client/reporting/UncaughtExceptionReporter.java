package com.exceptionless.client.reporting;

import java.time.Duration;

/**
 * The default uncaught-exception handler the reporter installs when asked: it reports the exception as a
 * critical, unhandled error, gives the reporter a moment to send it, then hands the exception to the handler
 * that was installed before (or prints it, as the JVM does when there is none).
 *
 * <p>Several reporters chain their handlers, each delegating to the one installed before it. When its reporter
 * is closed, a handler becomes a pass-through that only delegates; and every pass-through at the top of the
 * chain is removed, so once all reporters are closed, in any order, the handler that was the default before
 * them is the default again. A pass-through below a handler installed by someone else stays in that handler's
 * chain, still delegating, since the JVM offers no way to relink it. Thread-safe.
 */
final class UncaughtExceptionReporter implements Thread.UncaughtExceptionHandler {
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(2);
  private static final Object LOCK = new Object();

  /** The reporter, or null once this handler is uninstalled (it then only delegates). */
  private volatile ExceptionlessReporter reporter;
  private final Thread.UncaughtExceptionHandler previous;

  private UncaughtExceptionReporter(ExceptionlessReporter reporter, Thread.UncaughtExceptionHandler previous) {
    this.reporter = reporter;
    this.previous = previous;
  }

  static UncaughtExceptionReporter install(ExceptionlessReporter reporter) {
    synchronized (LOCK) {
      UncaughtExceptionReporter handler = new UncaughtExceptionReporter(reporter, Thread.getDefaultUncaughtExceptionHandler());
      Thread.setDefaultUncaughtExceptionHandler(handler);
      return handler;
    }
  }

  /**
   * Stops reporting through this handler, and takes every uninstalled handler off the top of the chain, so the
   * newest handler still in use (or the original default) is the default again. Idempotent.
   */
  void uninstall() {
    synchronized (LOCK) {
      reporter = null;
      Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
      Thread.UncaughtExceptionHandler top = current;
      while (top instanceof UncaughtExceptionReporter && ((UncaughtExceptionReporter) top).reporter == null) {
        top = ((UncaughtExceptionReporter) top).previous;
      }
      if (top != current) {
        Thread.setDefaultUncaughtExceptionHandler(top);
      }
    }
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    ExceptionlessReporter current = reporter;
    try {
      if (current != null) {
        current.createException(error).critical().submissionMethod("uncaught").submit();
        current.flush(FLUSH_WAIT);
      }
    } catch (Throwable ignored) {
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
