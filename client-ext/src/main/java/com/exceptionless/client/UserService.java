package com.exceptionless.client;

import com.exceptionless.client.generated.api.UserApi;
import com.exceptionless.client.model.ViewCurrentUser;

/**
 * The current user ({@code api/v2/users/me}): who a login token belongs to. Needs the user role and a user
 * (an API key without a user gets 401). Immutable and thread-safe.
 */
public final class UserService {
  private final UserApi api;
  private final CallExecutor executor;
  private final CredentialCheck credentials;

  UserService(UserApi api, CallExecutor executor, CredentialCheck credentials) {
    this.api = api;
    this.executor = executor;
    this.credentials = credentials;
  }

  /**
   * Returns the user the credential belongs to: name, email address, organizations and roles.
   *
   * @return the current user
   */
  public ViewCurrentUser me() {
    credentials.requireAny("Getting the current user");
    return executor.execute(api.getCurrentUser(), CredentialCheck.USER_ROLE_NEEDED).body();
  }
}
