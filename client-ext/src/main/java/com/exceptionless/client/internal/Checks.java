package com.exceptionless.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks the SDK's packages share, so that each rule and its message exist once. Internal: not part of the API,
 * and it may change in any release. Stateless.
 */
public final class Checks {
  /** A reference id or session id: 8 to 100 letters, digits or dashes, as the server requires. */
  public static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z\\d-]{8,100}");

  private Checks() {
  }

  /**
   * Returns the id when it is 8 to 100 letters, digits or dashes.
   *
   * @throws NullPointerException when it is null
   * @throws IllegalArgumentException saying what the id must be
   */
  public static String identifier(String id, String name) {
    Objects.requireNonNull(id, name + " == null");
    if (!IDENTIFIER.matcher(id).matches()) {
      throw new IllegalArgumentException(name + " \"" + id + "\" must be 8 to 100 letters, digits or dashes");
    }
    return id;
  }

  /**
   * Returns the duration when it is longer than zero.
   *
   * @throws NullPointerException when it is null
   * @throws IllegalArgumentException when it is zero or negative
   */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was " + value);
    }
    return value;
  }

  /**
   * Returns the duration when it is zero or longer.
   *
   * @throws NullPointerException when it is null
   * @throws IllegalArgumentException when it is negative, with {@code advice} appended
   */
  public static Duration notNegative(Duration value, String name, String advice) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " is negative (" + value + ")" + advice);
    }
    return value;
  }
}
