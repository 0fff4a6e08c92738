package com.exceptionless.client.errors;

/**
 * 404 Not Found: the resource does not exist or the caller cannot see it.
 */
public final class NotFoundException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  NotFoundException(ErrorResponse response) {
    super(response);
  }
}
