package com.exceptionless.client;

import org.jspecify.annotations.Nullable;

/**
 * What to list of projects: filter, sort, page, page size and whether to include statistics. Immutable.
 */
public final class ProjectQuery extends QueryParameters {
  /** The server's largest page size for projects. */
  public static final int MAX_LIMIT = 1000;

  private final boolean stats;

  private ProjectQuery(Builder builder) {
    super(builder);
    this.stats = builder.stats;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the query of the server's defaults: first page of 10, no filter. */
  public static ProjectQuery defaults() {
    return builder().build();
  }

  @Nullable String mode() {
    return stats ? "stats" : null;
  }

  ProjectQuery withPage(int newPage) {
    return toBuilder().page(newPage).build();
  }

  ProjectQuery withDefaultLimit(int defaultLimit) {
    return limit() != null ? this : toBuilder().limit(defaultLimit).build();
  }

  /** Returns a builder holding this query. */
  public Builder toBuilder() {
    return new Builder().copyFrom(this).stats(stats);
  }

  @Override
  String describeOwnParameters() {
    return ", stats=" + stats;
  }

  /** Builds a {@link ProjectQuery}; not thread-safe. */
  public static final class Builder extends QueryParameters.Builder<Builder> {
    private boolean stats;

    private Builder() {
      super(MAX_LIMIT);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Narrows the projects with a server query, for example {@code organization:537650f3b77efe23a47914f3}.
     *
     * @param filter the query, or null for none
     * @return this builder
     */
    public Builder filter(@Nullable String filter) {
      return setFilter(filter);
    }

    /**
     * Sorts by a field, {@code -} for descending, for example {@code name} or {@code -created}.
     *
     * @param sort the sort, or null for the server's order
     * @return this builder
     */
    public Builder sort(@Nullable String sort) {
      return setSort(sort);
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
     * Sets the page size, 1 to {@value ProjectQuery#MAX_LIMIT} (the server's default is 10).
     *
     * @param limit the page size
     * @return this builder
     */
    public Builder limit(int limit) {
      return setLimit(limit);
    }

    /**
     * Asks for statistics (stack and event counts, usage), {@code mode=stats}.
     *
     * @param stats whether to include them
     * @return this builder
     */
    public Builder stats(boolean stats) {
      this.stats = stats;
      return this;
    }

    /**
     * Returns the query.
     *
     * @throws IllegalArgumentException when the page lies beyond the server's skip limit (the first 1,000 projects)
     */
    public ProjectQuery build() {
      checkSkipLimit();
      return new ProjectQuery(this);
    }
  }
}
