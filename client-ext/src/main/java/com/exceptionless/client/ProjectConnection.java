package com.exceptionless.client;

import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;

/**
 * A project, the client-scoped token chosen for it, and a client that authenticates with that token.
 * Its {@code toString()} hides the token. Immutable and thread-safe.
 */
public final class ProjectConnection {
  private final ViewProject project;
  private final ViewToken token;
  private final boolean tokenCreated;
  private final ExceptionlessClient client;

  ProjectConnection(ViewProject project, ViewToken token, boolean tokenCreated, ExceptionlessClient client) {
    this.project = project;
    this.token = token;
    this.tokenCreated = tokenCreated;
    this.client = client;
  }

  /** Returns the project. */
  public ViewProject project() {
    return project;
  }

  /** Returns the client-scoped token; its id is the API key (keep it secret). */
  public ViewToken token() {
    return token;
  }

  /** Returns whether the token was created now rather than reused. */
  public boolean tokenCreated() {
    return tokenCreated;
  }

  /** Returns a client that authenticates with the token, for everything the application sends for the project. */
  public ExceptionlessClient client() {
    return client;
  }

  @Override
  public String toString() {
    return "ProjectConnection{project=" + project.getName() + " (" + project.getId() + "), token=" + token
        + ", tokenCreated=" + tokenCreated + "}";
  }
}
