package com.exceptionless.client;

import java.time.Duration;

/** Waits between retries; tests replace it to record the waits instead of sleeping. Implementations must be thread-safe. */
interface Sleeper {
  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
