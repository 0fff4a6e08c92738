package com.exceptionless.client.errors;

/**
 * 402 Payment Required or 426 Upgrade Required: the organization's plan limits this (event quota, suspension, premium feature).
 */
public final class PlanLimitException extends ExceptionlessServiceException {
  private static final long serialVersionUID = 1L;

  PlanLimitException(ErrorResponse response) {
    super(response);
  }
}
