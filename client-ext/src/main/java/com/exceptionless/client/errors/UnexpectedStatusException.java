package com.exceptionless.client.errors;

/**
 * An error status the SDK has no dedicated type for (for example 411, 413 or 415).
 */
public final class UnexpectedStatusException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  UnexpectedStatusException(ErrorResponse response) {
    super(response);
  }
}
