package com.exceptionless.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the SDK throws; unchecked, so callers handle what they can act on.
 */
public class ExceptionlessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message a person can act on.
   *
   * @param message what went wrong and what to do
   * @param cause the underlying cause, or null
   */
  public ExceptionlessException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
