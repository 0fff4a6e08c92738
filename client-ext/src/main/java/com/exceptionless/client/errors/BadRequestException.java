package com.exceptionless.client.errors;

/**
 * 400 Bad Request: the request is malformed or cannot be carried out; {@link #fieldErrors()} may name the fields.
 */
public final class BadRequestException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  BadRequestException(ErrorResponse response) {
    super(response);
  }
}
