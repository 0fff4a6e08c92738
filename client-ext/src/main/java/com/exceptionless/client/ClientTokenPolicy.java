package com.exceptionless.client;

/** Whether {@link ExceptionlessClient#connectToProject} reuses a client token or always creates one. */
public enum ClientTokenPolicy {
  /**
   * Reuse an enabled, unexpired token of the project whose only scope is {@code client}; create one when there
   * is none. Scripts that run on every deploy use this so tokens do not pile up.
   */
  REUSE_EXISTING,
  /** Always create a new client token. */
  CREATE_NEW
}
