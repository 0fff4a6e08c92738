package com.exceptionless.client.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last log lines, in a bounded ring: logging integrations add lines below their event level, and an error
 * event submitted later carries them as {@code @trace} (oldest first), as the official clients' trace log does.
 * Adding costs one atomic increment and a store; a snapshot copies at most the ring's size. Thread-safe.
 */
final class Breadcrumbs {
  /** Longer lines are cut. */
  static final int MAX_LINE = 1_000;

  private final AtomicReferenceArray<String> ring;
  private final AtomicLong written = new AtomicLong();

  Breadcrumbs(int size) {
    this.ring = new AtomicReferenceArray<>(Math.max(1, size));
  }

  void add(String line) {
    if (line == null) {
      return;
    }
    String cut = DataSanitizer.cut(line, MAX_LINE);
    long index = written.getAndIncrement();
    ring.set((int) (index % ring.length()), cut);
  }

  /** Returns the lines, oldest first (lines added meanwhile may or may not be included). */
  List<String> snapshot() {
    long end = written.get();
    if (end == 0) {
      return Collections.emptyList();
    }
    long start = Math.max(0, end - ring.length());
    List<String> lines = new ArrayList<>((int) (end - start));
    for (long i = start; i < end; i++) {
      String line = ring.get((int) (i % ring.length()));
      if (line != null) {
        lines.add(line);
      }
    }
    return lines;
  }
}
