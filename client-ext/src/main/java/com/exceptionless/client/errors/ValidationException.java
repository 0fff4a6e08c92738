package com.exceptionless.client.errors;

/**
 * 422 Unprocessable Entity: the request failed validation; {@link #fieldErrors()} names each field.
 */
public final class ValidationException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  ValidationException(ErrorResponse response) {
    super(response);
  }
}
