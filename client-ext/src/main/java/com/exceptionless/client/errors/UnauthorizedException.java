package com.exceptionless.client.errors;

/**
 * 401 Unauthorized: the credential is missing, unknown, disabled or expired, or the login failed.
 */
public final class UnauthorizedException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  UnauthorizedException(ErrorResponse response) {
    super(response);
  }
}
