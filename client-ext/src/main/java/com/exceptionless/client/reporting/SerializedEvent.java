package com.exceptionless.client.reporting;

/**
 * One event as the JSON the server receives (UTF-8, a single line), with its date for the acceptance window.
 * Serialized once, on the writer thread; batches are these bytes joined. Immutable (the array is never changed).
 */
final class SerializedEvent {
  final long dateMillis;
  final byte[] json;

  SerializedEvent(long dateMillis, byte[] json) {
    this.dateMillis = dateMillis;
    this.json = json;
  }
}
