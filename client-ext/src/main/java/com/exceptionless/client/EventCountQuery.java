package com.exceptionless.client;

import org.jspecify.annotations.Nullable;

/**
 * What to count of events: where (everything, an organization or a project), filter, aggregations and
 * time range. Values are checked as they are set. Immutable.
 */
public final class EventCountQuery extends QueryParameters {
  private final @Nullable String aggregations;

  private EventCountQuery(Builder builder) {
    super(builder);
    this.aggregations = builder.aggregations;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Nullable String aggregations() {
    return aggregations;
  }

  @Override
  String describeOwnParameters() {
    return aggregations == null ? "" : ", aggregations=" + aggregations;
  }

  /** Builds an {@link EventCountQuery}; not thread-safe. */
  public static final class Builder extends QueryParameters.Builder<Builder> {
    private @Nullable String aggregations;

    private Builder() {
      super(0);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Counts the events of one organization.
     *
     * @param organizationId the organization id
     * @return this builder
     */
    public Builder organization(String organizationId) {
      return setScope(Scope.organization(organizationId));
    }

    /**
     * Counts the events of one project.
     *
     * @param projectId the project id
     * @return this builder
     */
    public Builder project(String projectId) {
      return setScope(Scope.project(projectId));
    }

    /**
     * Narrows the events with a server query, for example {@code type:error}.
     *
     * @param filter the query, or null for none
     * @return this builder
     */
    public Builder filter(@Nullable String filter) {
      return setFilter(filter);
    }

    /**
     * Asks for aggregations, in the server's syntax, for example {@code date:(date cardinality:user) terms:type}.
     *
     * @param aggregations the aggregations, or null for the total only
     * @return this builder
     */
    public Builder aggregations(@Nullable String aggregations) {
      this.aggregations = QueryChecks.text(aggregations);
      return this;
    }

    /**
     * Limits the time range, for example {@code last week}.
     *
     * @param time the range, or null for the plan's retention
     * @return this builder
     */
    public Builder time(@Nullable String time) {
      return setTime(time);
    }

    /**
     * Sets the time zone offset the time range is read in, for example {@code -300m}.
     *
     * @param offset the offset, or null for UTC
     * @return this builder
     */
    public Builder offset(@Nullable String offset) {
      return setOffset(offset);
    }

    /** Returns the query. */
    public EventCountQuery build() {
      return new EventCountQuery(this);
    }
  }
}
