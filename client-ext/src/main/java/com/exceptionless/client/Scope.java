package com.exceptionless.client;

/** Which list route a query goes to: everything the caller can see, one organization, one project or one stack. Immutable. */
final class Scope {
  enum Kind {
    ALL, ORGANIZATION, PROJECT, STACK
  }

  static final Scope ALL = new Scope(Kind.ALL, null);

  private final Kind kind;
  private final String id;

  private Scope(Kind kind, String id) {
    this.kind = kind;
    this.id = id;
  }

  static Scope organization(String organizationId) {
    return new Scope(Kind.ORGANIZATION, Ids.objectId(organizationId, "organizationId"));
  }

  static Scope project(String projectId) {
    return new Scope(Kind.PROJECT, Ids.objectId(projectId, "projectId"));
  }

  static Scope stack(String stackId) {
    return new Scope(Kind.STACK, Ids.objectId(stackId, "stackId"));
  }

  Kind kind() {
    return kind;
  }

  String id() {
    return id;
  }

  /** Refuses a scope the route does not have, naming the routes that exist. */
  Scope require(String operation, Kind... allowed) {
    for (Kind kind : allowed) {
      if (kind == this.kind) {
        return this;
      }
    }
    throw new IllegalArgumentException(operation + " cannot be narrowed to " + describe() + ": the server has no such"
        + " route; use " + java.util.Arrays.toString(allowed).toLowerCase(java.util.Locale.ROOT) + " scope");
  }

  private String describe() {
    return kind == Kind.ALL ? "everything" : "one " + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return kind == Kind.ALL ? "all" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
  }
}
