package com.exceptionless.client;

/**
 * Fails fast, before anything is sent, when the client's credential cannot work for a call. Immutable.
 */
final class CredentialCheck {
  static final String TOKEN_MANAGEMENT_NEEDS_LOGIN = "Token management needs a user login token, not an API key:"
      + " log in with ExceptionlessClient.login(email, password), or build the client with userToken(...)"
      + " (EXCEPTIONLESS_USER_TOKEN).";

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
    requireAny(operation);
    if (credential.kind() == Credential.Kind.API_KEY) {
      throw new IllegalStateException(operation + " cannot use an API key. " + TOKEN_MANAGEMENT_NEEDS_LOGIN);
    }
  }
}
