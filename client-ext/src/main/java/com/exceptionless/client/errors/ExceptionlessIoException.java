package com.exceptionless.client.errors;

import java.io.IOException;

/**
 * The request did not get an HTTP answer: the connection failed, was reset, or timed out.
 */
public final class ExceptionlessIoException extends ExceptionlessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which request failed and why
   * @param cause the I/O failure
   */
  public ExceptionlessIoException(String message, IOException cause) {
    super(message, cause);
  }
}
