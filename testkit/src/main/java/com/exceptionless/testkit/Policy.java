package com.exceptionless.testkit;

/** The server's authorization policies for the routes this stand-in serves; stateless. */
enum Policy {
  ANONYMOUS(null),
  CLIENT_POLICY("ClientPolicy"),
  USER_POLICY("UserPolicy"),
  PROJECTS_READ_POLICY("ProjectsReadPolicy"),
  EVENTS_READ_POLICY("EventsReadPolicy"),
  STACKS_READ_POLICY("StacksReadPolicy"),
  STACKS_WRITE_POLICY("StacksWritePolicy");

  /** The policy name as the server's endpoint manifest spells it; null for anonymous routes. */
  final String manifestName;

  Policy(String manifestName) {
    this.manifestName = manifestName;
  }

  /** Returns whether an authenticated caller satisfies this policy. */
  boolean allows(Identity identity) {
    switch (this) {
      case ANONYMOUS:
        return true;
      case CLIENT_POLICY:
        return identity.hasRole(Scopes.CLIENT);
      case USER_POLICY:
        return identity.hasRole(Scopes.USER);
      case PROJECTS_READ_POLICY:
        return identity.hasRole(Scopes.USER) || identity.hasRole("projects:read");
      case EVENTS_READ_POLICY:
        return identity.hasRole(Scopes.USER) || identity.hasRole("events:read");
      case STACKS_READ_POLICY:
        return identity.hasRole(Scopes.USER) || identity.hasRole("stacks:read");
      case STACKS_WRITE_POLICY:
        return identity.hasRole(Scopes.USER) || identity.hasRole("stacks:write");
      default:
        return false;
    }
  }
}
