package com.exceptionless.client;

/**
 * Fails fast, before anything is sent, when the client's credential cannot work for a call. Immutable.
 */
final class CredentialCheck {
  static final String TOKEN_MANAGEMENT_NEEDS_LOGIN = "Token management needs a user login token, not an API key:"
      + " log in with ExceptionlessClient.login(email, password), or build the client with userToken(...)"
      + " (EXCEPTIONLESS_USER_TOKEN).";

  static final String USER_ROLE_NEEDED = "This call needs the user role: a client-scoped API key can only submit"
      + " events and read the client configuration. Use a user login token (ExceptionlessClient.login(email, password)"
      + " or userToken(...)) or an API key with the user scope.";

  static final String LOGOUT_NEEDS_LOGIN = "Logging out ends a user login token; the server refuses API keys here"
      + " (disable an API key with tokens().disable(id) instead).";

  private final Credential credential;

  CredentialCheck(Credential credential) {
    this.credential = credential;
  }

  /** Requires some credential. */
  void requireAny(String operation) {
    if (credential == null) {
      throw new IllegalStateException(operation + " needs a credential, and this client has none: build it with"
          + " apiKey(...) or userToken(...), set EXCEPTIONLESS_API_KEY or EXCEPTIONLESS_USER_TOKEN, or call login(email, password)");
    }
  }

  /** Requires a user token: the server rejects every API key on token routes with 403. */
  void requireUserToken(String operation) {
    requireUserToken(operation, TOKEN_MANAGEMENT_NEEDS_LOGIN);
  }

  /** Requires a user token, saying why with {@code advice} when the client holds an API key. */
  void requireUserToken(String operation, String advice) {
    requireAny(operation);
    if (credential.kind() == Credential.Kind.API_KEY) {
      throw new IllegalStateException(operation + " cannot use an API key. " + advice);
    }
  }
}
