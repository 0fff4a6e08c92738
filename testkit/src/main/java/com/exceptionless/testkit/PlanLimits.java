package com.exceptionless.testkit;

/**
 * The plan rules the stand-in applies to every organization: how many organizations a user may create, how many
 * projects an organization may hold, and whether the plan has premium features (sessions, stack promotion); immutable and
 * thread-safe. Past a limit the server answers 426 Upgrade Required, as it does past a real plan's limits.
 *
 * <pre>{@code
 * server.setPlanLimits(PlanLimits.unlimited().withMaxProjectsPerOrganization(2));
 * }</pre>
 */
public final class PlanLimits {
  /** No limit. */
  public static final int UNLIMITED = -1;

  private static final PlanLimits UNLIMITED_PREMIUM = new PlanLimits(UNLIMITED, UNLIMITED, true);

  private final int maxOrganizationsPerUser;
  private final int maxProjectsPerOrganization;
  private final boolean premiumFeatures;

  private PlanLimits(int maxOrganizationsPerUser, int maxProjectsPerOrganization, boolean premiumFeatures) {
    this.maxOrganizationsPerUser = maxOrganizationsPerUser;
    this.maxProjectsPerOrganization = maxProjectsPerOrganization;
    this.premiumFeatures = premiumFeatures;
  }

  /** The default: no organization or project limit, with premium features. */
  public static PlanLimits unlimited() {
    return UNLIMITED_PREMIUM;
  }

  /** Returns a copy where a user may belong to at most max organizations when creating one (-1: no limit). */
  public PlanLimits withMaxOrganizationsPerUser(int max) {
    return new PlanLimits(check(max), maxProjectsPerOrganization, premiumFeatures);
  }

  /** Returns a copy where an organization may hold at most max projects (-1: no limit). */
  public PlanLimits withMaxProjectsPerOrganization(int max) {
    return new PlanLimits(maxOrganizationsPerUser, check(max), premiumFeatures);
  }

  /** Returns a copy with or without premium features (without them, sessions and stack promotion answer 426). */
  public PlanLimits withPremiumFeatures(boolean premium) {
    return new PlanLimits(maxOrganizationsPerUser, maxProjectsPerOrganization, premium);
  }

  /** Returns the organization limit per user, or -1. */
  public int maxOrganizationsPerUser() {
    return maxOrganizationsPerUser;
  }

  /** Returns the project limit per organization, or -1. */
  public int maxProjectsPerOrganization() {
    return maxProjectsPerOrganization;
  }

  /** Returns whether organizations have premium features. */
  public boolean premiumFeatures() {
    return premiumFeatures;
  }

  boolean allowsAnotherOrganization(int current) {
    return maxOrganizationsPerUser == UNLIMITED || current < maxOrganizationsPerUser;
  }

  boolean allowsAnotherProject(int current) {
    return maxProjectsPerOrganization == UNLIMITED || current < maxProjectsPerOrganization;
  }

  private static int check(int max) {
    if (max < UNLIMITED) {
      throw new IllegalArgumentException("limit must be -1 (unlimited) or at least 0: " + max);
    }
    return max;
  }

  @Override
  public String toString() {
    return "PlanLimits{maxOrganizationsPerUser=" + maxOrganizationsPerUser + ", maxProjectsPerOrganization="
        + maxProjectsPerOrganization + ", premiumFeatures=" + premiumFeatures + "}";
  }
}
