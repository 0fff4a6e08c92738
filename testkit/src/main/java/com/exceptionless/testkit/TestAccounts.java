package com.exceptionless.testkit;

/**
 * The fixed credentials and ids a seeded {@link ExceptionlessTestServer} starts with; immutable, and its
 * toString prints no password or API key.
 *
 * <p>Seeded values: user {@value #USER_EMAIL} / {@value #USER_PASSWORD} (id {@value #USER_ID}); global admin
 * {@value #ADMIN_EMAIL} / {@value #ADMIN_PASSWORD} (id {@value #ADMIN_USER_ID}); both belong to organization
 * "{@value #ORGANIZATION_NAME}" ({@value #ORGANIZATION_ID}), which owns the projects
 * "{@value #PROJECT_NAME}" ({@value #PROJECT_ID}) and "{@value #SECOND_PROJECT_NAME}"
 * ({@value #SECOND_PROJECT_ID}). API keys: {@value #CLIENT_API_KEY} (client scope, first project),
 * {@value #SECOND_PROJECT_CLIENT_API_KEY} (client scope, second project) and {@value #USER_API_KEY}
 * (user scope, organization-wide, no user).
 */
public final class TestAccounts {
  /** The seeded normal user's email. */
  public static final String USER_EMAIL = "demo@exceptionless.test";
  /** The seeded normal user's password. */
  public static final String USER_PASSWORD = "demo-password";
  /** The seeded normal user's id. */
  public static final String USER_ID = "537650f3b77efe23a47914f1";
  /** The seeded global admin's email. */
  public static final String ADMIN_EMAIL = "admin@exceptionless.test";
  /** The seeded global admin's password. */
  public static final String ADMIN_PASSWORD = "admin-password";
  /** The seeded global admin's id. */
  public static final String ADMIN_USER_ID = "537650f3b77efe23a47914f2";
  /** The seeded organization's id. */
  public static final String ORGANIZATION_ID = "537650f3b77efe23a47914f3";
  /** The seeded organization's name. */
  public static final String ORGANIZATION_NAME = "Acme";
  /** The first seeded project's id. */
  public static final String PROJECT_ID = "537650f3b77efe23a47914f4";
  /** The first seeded project's name. */
  public static final String PROJECT_NAME = "Disintegrating Pistol";
  /** The second seeded project's id. */
  public static final String SECOND_PROJECT_ID = "537650f3b77efe23a47914f5";
  /** The second seeded project's name. */
  public static final String SECOND_PROJECT_NAME = "Quantum Toaster";
  /** The client-scoped API key of the first project. */
  public static final String CLIENT_API_KEY = "DisintegratingPistolClientKey00000000001";
  /** The client-scoped API key of the second project. */
  public static final String SECOND_PROJECT_CLIENT_API_KEY = "QuantumToasterClientKey00000000000000003";
  /** The user-scoped, organization-wide API key (it has no user). */
  public static final String USER_API_KEY = "AcmeOrganizationUserApiKey00000000000002";

  static final TestAccounts SEEDED = new TestAccounts();

  private TestAccounts() {
  }

  /** Returns the normal user's email, {@value #USER_EMAIL}. */
  public String userEmail() {
    return USER_EMAIL;
  }

  /** Returns the normal user's password, {@value #USER_PASSWORD}. */
  public String userPassword() {
    return USER_PASSWORD;
  }

  /** Returns the normal user's id. */
  public String userId() {
    return USER_ID;
  }

  /** Returns the global admin's email, {@value #ADMIN_EMAIL}. */
  public String adminEmail() {
    return ADMIN_EMAIL;
  }

  /** Returns the global admin's password, {@value #ADMIN_PASSWORD}. */
  public String adminPassword() {
    return ADMIN_PASSWORD;
  }

  /** Returns the global admin's id. */
  public String adminUserId() {
    return ADMIN_USER_ID;
  }

  /** Returns the id of organization "Acme". */
  public String organizationId() {
    return ORGANIZATION_ID;
  }

  /** Returns the organization's name, "Acme". */
  public String organizationName() {
    return ORGANIZATION_NAME;
  }

  /** Returns the id of project "Disintegrating Pistol". */
  public String projectId() {
    return PROJECT_ID;
  }

  /** Returns the first project's name, "Disintegrating Pistol". */
  public String projectName() {
    return PROJECT_NAME;
  }

  /** Returns the id of project "Quantum Toaster". */
  public String secondProjectId() {
    return SECOND_PROJECT_ID;
  }

  /** Returns the second project's name, "Quantum Toaster". */
  public String secondProjectName() {
    return SECOND_PROJECT_NAME;
  }

  /** Returns the client-scoped API key of the first project (submits events, reads configuration). */
  public String clientApiKey() {
    return CLIENT_API_KEY;
  }

  /** Returns the client-scoped API key of the second project. */
  public String secondProjectClientApiKey() {
    return SECOND_PROJECT_CLIENT_API_KEY;
  }

  /** Returns the user-scoped organization API key; it can list projects but, being an API key, not tokens. */
  public String userApiKey() {
    return USER_API_KEY;
  }

  @Override
  public String toString() {
    return "TestAccounts{user=" + USER_EMAIL + ", admin=" + ADMIN_EMAIL + ", organization=" + ORGANIZATION_NAME
        + " (" + ORGANIZATION_ID + "), project=" + PROJECT_NAME + " (" + PROJECT_ID + "), secondProject="
        + SECOND_PROJECT_NAME + " (" + SECOND_PROJECT_ID + ")}";
  }
}
