package com.exceptionless.client.errors;

import java.util.Optional;

/**
 * A 5xx answer: the server failed. The server gives such an answer a reference id ({@link #referenceId()}, also
 * at the end of the message) that its operators can look up; quote it when asking for support. Immutable.
 */
public final class ServerErrorException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  ServerErrorException(ErrorResponse response) {
    super(response);
  }

  /**
   * Returns the {@code reference-id} extension of the server's problem details, which identifies this failure in
   * the server's logs, or empty when the answer had none.
   *
   * @return the reference id
   */
  public Optional<String> referenceId() {
    ErrorResponse response = response();
    return response == null ? Optional.empty() : Optional.ofNullable(response.referenceId());
  }
}
