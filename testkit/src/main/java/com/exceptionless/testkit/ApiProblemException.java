package com.exceptionless.testkit;

/** Thrown by route code to stop and answer with a ready-made (usually problem) response. */
final class ApiProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient ApiResponse response;

  ApiProblemException(ApiResponse response) {
    super("HTTP " + response.status, null, false, false);
    this.response = response;
  }
}
