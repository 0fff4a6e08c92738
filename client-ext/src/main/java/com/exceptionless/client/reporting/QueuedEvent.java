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
  /** The submitting thread's scope, set by the reporter before the event is queued (the queue publishes it). */
  ReportingScope.Snapshot scope;
  /** The breadcrumbs at submit (error events only), set by the reporter before the event is queued. */
  java.util.List<String> breadcrumbs;
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
