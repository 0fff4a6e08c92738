package com.exceptionless.client.json;

import com.squareup.moshi.Moshi;

/**
 * Creates the {@link Moshi} instance the SDK reads and writes the Exceptionless JSON with.
 *
 * <p>It keeps the offsets of {@code java.time.OffsetDateTime} values (reading {@code *_utc} values that
 * lack an offset as UTC), reads enum values this SDK does not know as {@code UNKNOWN_DEFAULT_OPEN_API},
 * skips unknown properties, reads lists, sets and maps as read-only collections, reads numbers in free-form
 * values with their type ({@link FreeFormValueAdapter}: integers as {@code Long}, {@code BigInteger} beyond 64 bits)
 * and writes them back unchanged, and omits nulls when writing. The returned instance is immutable and thread-safe.
 */
public final class ExceptionlessMoshi {
  private ExceptionlessMoshi() {
  }

  /**
   * Returns a new Moshi instance configured for the Exceptionless API.
   *
   * @return the Moshi instance
   */
  public static Moshi create() {
    return new Moshi.Builder()
        .add(OffsetDateTimeAdapter.FACTORY)
        .add(UnknownEnumFallbackFactory.INSTANCE)
        .add(ReadOnlyCollectionsFactory.INSTANCE)
        .add(FreeFormValueAdapter.FACTORY)
        .build();
  }
}
