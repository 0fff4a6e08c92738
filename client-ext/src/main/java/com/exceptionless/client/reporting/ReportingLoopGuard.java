package com.exceptionless.client.reporting;

import org.jspecify.annotations.Nullable;

/**
 * Tells a logging integration which log records it must not report, so that reporting cannot feed itself: a
 * handler or appender attached to the root logger at any level would otherwise report the SDK's own log lines
 * and those of its transport (OkHttp, Okio, Retrofit, Moshi), and each report would log again. Ignored are
 * records of loggers named {@code com.exceptionless.client*}, {@code okhttp3*}, {@code okio*},
 * {@code retrofit2*} and {@code com.squareup.moshi*}, every record published on one of the reporter's own
 * threads (named {@code exceptionless-reporter*}), and every record published while the same thread is already
 * reporting a record (see {@link #enter()}).
 *
 * <p>{@link ExceptionlessLogHandler} uses it; the integrations for other logging libraries, which live in
 * their own modules, use it the same way:
 *
 * <pre>{@code
 * if (ReportingLoopGuard.ignores(loggerName) || !ReportingLoopGuard.enter()) {
 *   return;
 * }
 * try {
 *   reporter.createLog(loggerName, message, level).submit();
 * } finally {
 *   ReportingLoopGuard.exit();
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class ReportingLoopGuard {
  /** The prefix of the names of the threads the reporter starts. */
  public static final String REPORTER_THREAD_PREFIX = "exceptionless-reporter";

  private static final String[] IGNORED_LOGGERS = {"com.exceptionless.client", "okhttp3", "okio", "retrofit2", "com.squareup.moshi"};
  private static final ThreadLocal<Boolean> REPORTING = new ThreadLocal<>();

  private ReportingLoopGuard() {
  }

  /**
   * Returns whether a record of this logger, published on the current thread, must not be reported.
   *
   * @param loggerName the logger's name, or null for an anonymous logger
   * @return true for the SDK's and its transport's loggers, on the reporter's own threads, and while the current
   *     thread is already reporting
   */
  public static boolean ignores(@Nullable String loggerName) {
    if (loggerName != null) {
      for (String prefix : IGNORED_LOGGERS) {
        if (loggerName.startsWith(prefix)) {
          return true;
        }
      }
    }
    return Thread.currentThread().getName().startsWith(REPORTER_THREAD_PREFIX) || REPORTING.get() != null;
  }

  /**
   * Marks the current thread as reporting a record, so records logged meanwhile on this thread are ignored.
   *
   * @return false when the thread was already reporting (then do not report, and do not call {@link #exit()})
   */
  public static boolean enter() {
    if (REPORTING.get() != null) {
      return false;
    }
    REPORTING.set(Boolean.TRUE);
    return true;
  }

  /** Ends what {@link #enter()} started on this thread. */
  public static void exit() {
    REPORTING.remove();
  }
}
