package com.exceptionless.client.reporting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.ListIterator;

/**
 * Events waiting in memory, bounded by a capacity (the writer waits for room, so the caller's queue fills and
 * counts {@link DiscardReason#QUEUE_FULL} rather than this store growing). Lost with the process. Thread-safe.
 */
final class MemoryEventStore implements EventStore {
  private final int capacity;
  private final ReporterCounters counters;
  private final Deque<SerializedEvent> waiting = new ArrayDeque<>();
  private final List<StoredBatch> inFlight = new ArrayList<>(1);
  private boolean closed;

  MemoryEventStore(int capacity, ReporterCounters counters) {
    this.capacity = capacity;
    this.counters = counters;
  }

  @Override
  public void open() {
    // Nothing survives a restart in memory.
  }

  @Override
  public synchronized boolean hasRoom(int count) {
    return closed || waiting.size() + count <= capacity;
  }

  @Override
  public synchronized void add(List<SerializedEvent> events) {
    if (closed) {
      counters.discarded(DiscardReason.CLOSED, events.size());
      return;
    }
    waiting.addAll(events);
  }

  @Override
  public synchronized int waiting() {
    return waiting.size();
  }

  @Override
  public boolean nextIsRestored() {
    return false;
  }

  @Override
  public synchronized StoredBatch next(int maxEvents, long maxBytes) {
    if (closed || waiting.isEmpty()) {
      return null;
    }
    List<SerializedEvent> taken = new ArrayList<>(Math.min(maxEvents, waiting.size()));
    long bytes = 2;
    while (!waiting.isEmpty() && taken.size() < maxEvents) {
      SerializedEvent event = waiting.peekFirst();
      if (!taken.isEmpty() && bytes + event.json.length + 1 > maxBytes) {
        break;
      }
      taken.add(waiting.pollFirst());
      bytes += event.json.length + 1;
    }
    StoredBatch batch = new StoredBatch(taken, Collections.<String>emptyList(), false);
    inFlight.add(batch);
    return batch;
  }

  @Override
  public synchronized boolean finish(StoredBatch batch) {
    return inFlight.remove(batch);
  }

  @Override
  public synchronized boolean retry(StoredBatch batch) {
    if (!inFlight.remove(batch)) {
      return false;
    }
    for (ListIterator<SerializedEvent> it = batch.events.listIterator(batch.events.size()); it.hasPrevious(); ) {
      waiting.addFirst(it.previous());
    }
    return true;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    int left = waiting.size();
    waiting.clear();
    for (StoredBatch batch : inFlight) {
      batch.owned = false;
      left += batch.events.size();
    }
    inFlight.clear();
    counters.discarded(DiscardReason.CLOSED, left);
  }

  @Override
  public String toString() {
    return "MemoryEventStore(capacity " + capacity + ")";
  }
}
