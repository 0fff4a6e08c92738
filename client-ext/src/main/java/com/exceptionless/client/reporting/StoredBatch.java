package com.exceptionless.client.reporting;

import java.util.List;

/**
 * Events the sender took from its {@link EventStore} to post together, with what the store needs to find them
 * again (the outbox files holding them). Only the sender thread reads and writes it, except {@link #owned},
 * which the store clears when it is closed while the batch is in flight.
 */
final class StoredBatch {
  final List<SerializedEvent> events;
  final List<String> files;
  final boolean restored;
  int failedAttempts;
  /** False once the store stopped answering for this batch (closed): the sender must not count it any more. */
  volatile boolean owned = true;

  StoredBatch(List<SerializedEvent> events, List<String> files, boolean restored) {
    this.events = events;
    this.files = files;
    this.restored = restored;
  }

}
