package com.exceptionless.client;

import com.exceptionless.client.generated.api.AuthApi;
import com.exceptionless.client.model.Login;
import com.exceptionless.client.model.TokenResult;
import java.util.Objects;

/**
 * Logging in ({@code POST api/v2/auth/login}, which sends no credential) and out. Immutable and thread-safe.
 */
public final class AuthService {
  /** A refused login is about the email and password, not an API key or token. */
  static final String LOGIN_REFUSED = "Check the email address and password; after more than 5 failed attempts"
      + " within 15 minutes the server denies logins for that address for a while.";

  private final AuthApi api;
  private final AuthApi authenticated;
  private final CallExecutor executor;
  private final CredentialCheck credentials;

  AuthService(AuthApi api, AuthApi authenticated, CallExecutor executor, CredentialCheck credentials) {
    this.api = api;
    this.authenticated = authenticated;
    this.executor = executor;
    this.credentials = credentials;
  }

  /**
   * Logs in and returns the user's token (valid three months; its {@code toString()} hides it).
   * {@link ExceptionlessClient#login(String, String)} returns a client that uses it.
   *
   * @param email the email address
   * @param password the password, 6 to 100 characters
   * @return the token
   * @throws IllegalArgumentException when the email is blank or the password length is out of range (nothing is sent)
   * @throws com.exceptionless.client.errors.UnauthorizedException when the server refuses the login
   */
  public TokenResult login(String email, String password) {
    Objects.requireNonNull(email, "email == null");
    Objects.requireNonNull(password, "password == null");
    if (email.trim().isEmpty()) {
      throw new IllegalArgumentException("email is blank");
    }
    if (password.length() < 6 || password.length() > 100) {
      throw new IllegalArgumentException("password must be 6 to 100 characters long, as the server requires");
    }
    Login login = Login.builder().email(email.trim()).password(password).build();
    return executor.execute(api.login(login), status -> status == 401 ? LOGIN_REFUSED : null).body();
  }

  /**
   * Logs out: the server deletes the client's user login token ({@code GET api/v2/auth/logout}), so this
   * client, and every client using that token, gets 401 afterwards.
   *
   * @throws IllegalStateException when the client holds an API key or no credential (nothing is sent)
   */
  public void logout() {
    credentials.requireUserToken("Logging out", CredentialCheck.LOGOUT_NEEDS_LOGIN);
    executor.execute(authenticated.logout(), CredentialCheck.LOGOUT_NEEDS_LOGIN);
  }
}
