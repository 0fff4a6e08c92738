package com.exceptionless.client.errors;

/**
 * 409 Conflict: the resource already exists or was changed concurrently.
 */
public final class ConflictException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  ConflictException(ErrorResponse response) {
    super(response);
  }
}
