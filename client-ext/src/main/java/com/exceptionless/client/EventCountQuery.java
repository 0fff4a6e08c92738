package com.exceptionless.client;

/**
 * What to count of events: where (everything, an organization or a project), filter, aggregations and
 * time range. Values are checked as they are set. Immutable.
 */
public final class EventCountQuery {
  private final Scope scope;
  private final String filter;
  private final String aggregations;
  private final String time;
  private final String offset;

  private EventCountQuery(Builder builder) {
    this.scope = builder.scope;
    this.filter = builder.filter;
    this.aggregations = builder.aggregations;
    this.time = builder.time;
    this.offset = builder.offset;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  Scope scope() {
    return scope;
  }

  String filter() {
    return filter;
  }

  String aggregations() {
    return aggregations;
  }

  String time() {
    return time;
  }

  String offset() {
    return offset;
  }

  @Override
  public String toString() {
    return "EventCountQuery{scope=" + scope + ", filter=" + filter + ", aggregations=" + aggregations + ", time=" + time
        + ", offset=" + offset + "}";
  }

  /** Builds an {@link EventCountQuery}; not thread-safe. */
  public static final class Builder {
    private Scope scope = Scope.ALL;
    private String filter;
    private String aggregations;
    private String time;
    private String offset;

    private Builder() {
    }

    /**
     * Counts the events of one organization.
     *
     * @param organizationId the organization id
     * @return this builder
     */
    public Builder organization(String organizationId) {
      this.scope = Scope.organization(organizationId);
      return this;
    }

    /**
     * Counts the events of one project.
     *
     * @param projectId the project id
     * @return this builder
     */
    public Builder project(String projectId) {
      this.scope = Scope.project(projectId);
      return this;
    }

    /**
     * Narrows the events with a server query, for example {@code type:error}.
     *
     * @param filter the query, or null for none
     * @return this builder
     */
    public Builder filter(String filter) {
      this.filter = QueryChecks.text(filter);
      return this;
    }

    /**
     * Asks for aggregations, in the server's syntax, for example {@code date:(date cardinality:user) terms:type}.
     *
     * @param aggregations the aggregations, or null for the total only
     * @return this builder
     */
    public Builder aggregations(String aggregations) {
      this.aggregations = QueryChecks.text(aggregations);
      return this;
    }

    /**
     * Limits the time range, for example {@code last week}.
     *
     * @param time the range, or null for the plan's retention
     * @return this builder
     */
    public Builder time(String time) {
      this.time = QueryChecks.text(time);
      return this;
    }

    /**
     * Sets the time zone offset the time range is read in, for example {@code -300m}.
     *
     * @param offset the offset, or null for UTC
     * @return this builder
     */
    public Builder offset(String offset) {
      this.offset = QueryChecks.text(offset);
      return this;
    }

    /** Returns the query. */
    public EventCountQuery build() {
      return new EventCountQuery(this);
    }
  }
}
