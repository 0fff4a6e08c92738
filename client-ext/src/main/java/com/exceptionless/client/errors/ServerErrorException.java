package com.exceptionless.client.errors;

/**
 * A 5xx answer: the server failed.
 */
public final class ServerErrorException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param response the error answer
   */
  public ServerErrorException(ErrorResponse response) {
    super(response);
  }
}
