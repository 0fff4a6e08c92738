package com.exceptionless.client.reporting;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recognises the same error (types, messages and top stack frames of its cause chain, at most
 * {@value ErrorConverter#MAX_CAUSES} deep) seen again within a window. A method of the throwable that throws
 * counts as returning nothing, so it never fails. Used by one thread at a time (under the writer's lock).
 */
final class DuplicateFilter {
  private static final int REMEMBERED = 500;
  private static final int FRAMES_COMPARED = 10;

  private final long windowNanos;
  private final Map<Integer, Long> lastSeen = new LinkedHashMap<Integer, Long>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Long> eldest) {
      return size() > REMEMBERED;
    }
  };

  DuplicateFilter(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  /** Returns whether the error was seen within the window, and remembers it as seen now. */
  boolean isDuplicate(Throwable error, long nowNanos) {
    if (windowNanos <= 0) {
      return false;
    }
    int signature = signature(error);
    Long previous = lastSeen.get(signature);
    if (previous != null && nowNanos - previous < windowNanos) {
      return true;
    }
    lastSeen.put(signature, nowNanos);
    return false;
  }

  static int signature(Throwable error) {
    int hash = 1;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable current = error; current != null && seen.size() < ErrorConverter.MAX_CAUSES && seen.add(current);
        current = ErrorConverter.cause(current)) {
      StackTraceElement[] frames = ErrorConverter.trace(current);
      hash = 31 * hash + current.getClass().getName().hashCode();
      hash = 31 * hash + Objects.hashCode(ErrorConverter.message(current));
      hash = 31 * hash + Arrays.hashCode(Arrays.copyOf(frames, Math.min(frames.length, FRAMES_COMPARED)));
    }
    return hash;
  }
}
