package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Event;

/**
 * What the caller's thread hands to the writer thread: the event as built, and the throwable still to be
 * turned into {@code @error} (on the writer, off the caller's thread). Immutable.
 */
final class QueuedEvent {
  final Event event;
  final Throwable error;
  final String threadId;
  final String threadName;
  /** When it was queued ({@link System#nanoTime()}), to tell how far behind the writer is. */
  final long queuedNanos = System.nanoTime();

  QueuedEvent(Event event, Throwable error) {
    this.event = event;
    this.error = error;
    Thread current = Thread.currentThread();
    this.threadId = error != null ? String.valueOf(current.getId()) : null;
    this.threadName = error != null ? current.getName() : null;
  }
}
