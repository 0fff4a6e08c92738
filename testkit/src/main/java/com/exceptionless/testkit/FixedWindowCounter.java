package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Counts hits per key within fixed UTC windows (e.g. 15 minutes) read from a clock; synchronized. */
final class FixedWindowCounter {
  private final Clock clock;
  private final long windowMillis;
  private final Map<String, long[]> windows = new HashMap<String, long[]>();

  FixedWindowCounter(Clock clock, Duration window) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
  }

  /** Counts one hit for the key in the current window and returns the count including it. */
  synchronized long increment(String key) {
    long window = currentWindow();
    long[] entry = windows.get(key);
    if (entry == null || entry[0] != window) {
      if (windows.size() > 10_000) {
        purge(window);
      }
      entry = new long[] {window, 0};
      windows.put(key, entry);
    }
    return ++entry[1];
  }

  /** Forgets the key's count, e.g. after a successful login. */
  synchronized void reset(String key) {
    windows.remove(key);
  }

  private long currentWindow() {
    return Math.floorDiv(clock.millis(), windowMillis);
  }

  private void purge(long window) {
    for (Iterator<long[]> it = windows.values().iterator(); it.hasNext();) {
      if (it.next()[0] != window) {
        it.remove();
      }
    }
  }
}
