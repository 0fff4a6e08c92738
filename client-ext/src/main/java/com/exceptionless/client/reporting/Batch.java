package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Event;
import java.nio.file.Path;
import java.util.List;

/** Events sent together, the outbox file holding them (or null), and how often sending them failed. Worker-only. */
final class Batch {
  final List<Event> events;
  final Path file;
  int failedAttempts;

  Batch(List<Event> events, Path file) {
    this.events = events;
    this.file = file;
  }
}
