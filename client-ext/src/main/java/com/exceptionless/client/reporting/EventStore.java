package com.exceptionless.client.reporting;

import java.util.List;

/**
 * Where prepared events wait between the writer thread and the sender thread: in memory, or in the outbox
 * folder. The store counts what it cannot keep (and, when closed, what it leaves behind); the sender counts a
 * batch's outcome only when {@link #finish}, {@link #retry} or {@link #split} returns true, so an event is never
 * counted twice. Implementations are thread-safe.
 */
interface EventStore {
  /** Loads what an earlier run left (outbox only); runs on the sender thread before anything is sent. */
  void open();

  /** Whether {@code count} more events can be added now; when not, the writer waits (memory store only). */
  boolean hasRoom(int count);

  /** Keeps events for sending, oldest first; counts those it cannot keep. */
  void add(List<SerializedEvent> events);

  /** Events waiting to be taken, not counting the batch in flight. */
  int waiting();

  /** Whether the next batch holds events an earlier run left (they are sent paced). */
  boolean nextIsRestored();

  /**
   * Takes the oldest waiting events, at most {@code maxEvents} and about {@code maxBytes} of JSON (at least one
   * event), or returns null when none wait.
   */
  StoredBatch next(int maxEvents, long maxBytes);

  /** Forgets a batch the server accepted or that was discarded; false when the store was closed meanwhile. */
  boolean finish(StoredBatch batch);

  /** Puts a batch back in front, to be taken again; false when the store was closed meanwhile. */
  boolean retry(StoredBatch batch);

  /**
   * Stops: everything still held, the batch in flight included, is counted as {@link DiscardReason#CLOSED}
   * (memory) or as left in the outbox for the next start (folder). Later calls change nothing.
   */
  void close();
}
