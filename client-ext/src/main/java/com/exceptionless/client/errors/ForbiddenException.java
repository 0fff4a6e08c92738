package com.exceptionless.client.errors;

/**
 * 403 Forbidden: the credential lacks the role the call needs (for example an API key on a token route).
 */
public final class ForbiddenException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  ForbiddenException(ErrorResponse response) {
    super(response);
  }
}
