package com.exceptionless.client.reporting;

/** Why the reporter did not deliver an event it was given; each is counted in {@link ReporterStats}. */
public enum DiscardReason {
  /** The bounded queue was full: the application submits faster than the server takes events. */
  QUEUE_FULL,
  /** The reporter was closed before the event could be sent (and no outbox folder was set). */
  CLOSED,
  /** The project's server settings exclude this event (type, source, or log level). */
  EXCLUDED_BY_SETTINGS,
  /** An {@link EventPlugin} cancelled the event. */
  CANCELLED,
  /** The same error was submitted again within the duplicate window: counted, not resent. */
  DUPLICATE,
  /** The server rejected the batch as malformed (400) or found no project for it (404). */
  REJECTED,
  /** The API key is unknown, disabled or lacks the client scope (401, 403); submission pauses. */
  UNAUTHORIZED,
  /** The organization is out of events or suspended (402); submission pauses and the queue is cleared. */
  PLAN_LIMIT,
  /** A single event is larger than the server accepts (413). */
  TOO_LARGE,
  /**
   * The event could not be turned into JSON on its own (for example a value that cannot be written): it is
   * dropped alone, the rest of its batch is sent.
   */
  UNSERIALIZABLE,
  /**
   * The event is dated more than three days ago, which the server silently drops: it is not sent (events kept
   * in the outbox folder across a long outage age out this way).
   */
  EXPIRED,
  /** A line of an outbox file was truncated or damaged (its checksum does not match); the file is kept aside. */
  CORRUPT,
  /** The outbox folder reached its size bound ({@code outboxMaxBytes}); the event did not fit. */
  OUTBOX_FULL,
  /** The event could not be built, or the server gave an answer the reporter cannot retry. */
  FAILED
}
