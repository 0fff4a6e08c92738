package com.exceptionless.client;

import org.jspecify.annotations.Nullable;

/**
 * What to list of stacks: where (all, an organization or a project), filter, sort, time range, page and
 * page size. Values are checked as they are set. Immutable.
 */
public final class StackQuery extends QueryParameters {
  /** The server's largest page size for stacks. */
  public static final int MAX_LIMIT = 100;

  private StackQuery(Builder builder) {
    super(builder);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the query of the server's defaults: every stack the caller can see, first page of 10. */
  public static StackQuery defaults() {
    return builder().build();
  }

  StackQuery withPage(int newPage) {
    return toBuilder().page(newPage).build();
  }

  StackQuery withDefaultLimit(int defaultLimit) {
    return limit() != null ? this : toBuilder().limit(defaultLimit).build();
  }

  /** Returns a builder holding this query. */
  public Builder toBuilder() {
    return new Builder().copyFrom(this);
  }

  @Override
  String describeOwnParameters() {
    return "";
  }

  /** Builds a {@link StackQuery}; not thread-safe. */
  public static final class Builder extends QueryParameters.Builder<Builder> {
    private Builder() {
      super(MAX_LIMIT);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Lists the stacks of one organization ({@code api/v2/organizations/{organizationId}/stacks}).
     *
     * @param organizationId the organization id
     * @return this builder
     */
    public Builder organization(String organizationId) {
      return setScope(Scope.organization(organizationId));
    }

    /**
     * Lists the stacks of one project ({@code api/v2/projects/{projectId}/stacks}).
     *
     * @param projectId the project id
     * @return this builder
     */
    public Builder project(String projectId) {
      return setScope(Scope.project(projectId));
    }

    /**
     * Narrows the stacks with a server query, for example {@code status:open type:error}.
     *
     * @param filter the query, or null for none
     * @return this builder
     */
    public Builder filter(@Nullable String filter) {
      return setFilter(filter);
    }

    /**
     * Sorts by a field, {@code -} for descending, for example {@code -last} or {@code -total}.
     *
     * @param sort the sort, or null for the server's order
     * @return this builder
     */
    public Builder sort(@Nullable String sort) {
      return setSort(sort);
    }

    /**
     * Limits the time range, for example {@code last week} or {@code 2026-01-01|2026-02-01}.
     *
     * @param time the range, or null for all time
     * @return this builder
     */
    public Builder time(@Nullable String time) {
      return setTime(time);
    }

    /**
     * Sets the time zone offset the time range and dates are read in, for example {@code -300m}.
     *
     * @param offset the offset, or null for UTC
     * @return this builder
     */
    public Builder offset(@Nullable String offset) {
      return setOffset(offset);
    }

    /**
     * Asks for one page, starting at 1.
     *
     * @param page the page number
     * @return this builder
     */
    public Builder page(int page) {
      return setPage(page);
    }

    /**
     * Sets the page size, 1 to {@value StackQuery#MAX_LIMIT} (the server's default is 10).
     *
     * @param limit the page size
     * @return this builder
     */
    public Builder limit(int limit) {
      return setLimit(limit);
    }

    /**
     * Returns the query.
     *
     * @throws IllegalArgumentException when the page lies beyond the server's skip limit (the first 1,000 stacks)
     */
    public StackQuery build() {
      checkSkipLimit();
      return new StackQuery(this);
    }
  }
}
