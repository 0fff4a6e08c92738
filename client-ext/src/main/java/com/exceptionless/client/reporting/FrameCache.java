package com.exceptionless.client.reporting;

import com.exceptionless.client.model.StackFrame;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The one cache of stack frames. The same frames appear in error after error (the same code paths fail again):
 * each is converted once ({@link ErrorConverter#frame}) and written as JSON once ({@link EventJson}); a
 * repeated frame is then a lookup and a copy of bytes. Keyed by the {@link StackTraceElement}; the JSON is found
 * from the converted frame by identity, so a frame a plugin made or changed is written normally. Bounded (cleared
 * past {@value #MAX_ENTRIES} frames). Thread-safe.
 */
final class FrameCache {
  static final int MAX_ENTRIES = 10_000;

  private final Map<StackTraceElement, StackFrame> frames = new HashMap<>();
  private final Map<StackFrame, byte[]> json = new IdentityHashMap<>();

  /** Returns the converted frame, shared by every error that has the element. */
  synchronized StackFrame frame(StackTraceElement element) {
    StackFrame frame = frames.get(element);
    if (frame == null) {
      if (frames.size() >= MAX_ENTRIES) {
        frames.clear();
        json.clear();
      }
      frame = ErrorConverter.frame(element);
      frames.put(element, frame);
      json.put(frame, null);
    }
    return frame;
  }

  /** Returns the frame's JSON, or null when it was not written yet or is not one of this cache's frames. */
  synchronized byte[] json(StackFrame frame) {
    return json.get(frame);
  }

  /** Keeps the JSON of one of this cache's frames. */
  synchronized void json(StackFrame frame, byte[] written) {
    if (json.containsKey(frame)) {
      json.put(frame, written);
    }
  }
}
