package com.exceptionless.client;

import com.exceptionless.client.generated.api.AuthApi;
import com.exceptionless.client.generated.api.EventApi;
import com.exceptionless.client.generated.api.OrganizationApi;
import com.exceptionless.client.generated.api.ProjectApi;
import com.exceptionless.client.generated.api.StackApi;
import com.exceptionless.client.generated.api.TokenApi;
import com.exceptionless.client.generated.api.UserApi;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import com.squareup.moshi.Moshi;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The Exceptionless API client: log in, manage organizations, projects and tokens, submit and read
 * events, triage stacks.
 *
 * <p>Immutable and thread-safe: build one per credential and share it. Clients derived with
 * {@link #withUserToken(String)}, {@link #withApiKey(String)} or {@link #newBuilder()} share its
 * connection pool. Every call is synchronous, is retried as the builder's retry settings say (idempotent
 * calls only, by default), and throws the unchecked exceptions of {@code com.exceptionless.client.errors}.
 *
 * <pre>{@code
 * ExceptionlessClient user = ExceptionlessClient.builder()
 *     .serverUrl("https://api.exceptionless.com")
 *     .build()
 *     .login(email, password);
 * ProjectConnection connection = user.connectToProject("My Project", ClientTokenPolicy.REUSE_EXISTING);
 * connection.client().events().submit(event);
 * }</pre>
 */
public final class ExceptionlessClient {
  /** The hosted Exceptionless API. */
  public static final String DEFAULT_SERVER_URL = ServerUrls.DEFAULT_SERVER_URL;

  private final ExceptionlessClientBuilder settings;
  private final HttpStack stack;
  private final @Nullable Credential credential;
  private final AuthService auth;
  private final ProjectService projects;
  private final TokenService tokens;
  private final EventService events;
  private final OrganizationService organizations;
  private final StackService stacks;
  private final OkHttpClient authenticatedHttp;
  private final UserService users;

  ExceptionlessClient(ExceptionlessClientBuilder settings, HttpStack stack, @Nullable Credential credential) {
    this.settings = settings;
    this.stack = stack;
    this.credential = credential;
    CallExecutor executor = stack.executor();
    Retrofit anonymous = stack.retrofit(null);
    Retrofit authenticated = credential == null ? anonymous : stack.retrofit(credential);
    this.authenticatedHttp = (OkHttpClient) authenticated.callFactory();
    CredentialCheck check = new CredentialCheck(credential);
    SummaryReader summaries = new SummaryReader(authenticated.callFactory(), stack.moshi());
    this.auth = new AuthService(anonymous.create(AuthApi.class), authenticated.create(AuthApi.class), executor, check);
    this.projects = new ProjectService(authenticated.create(ProjectApi.class), executor, check);
    this.tokens = new TokenService(authenticated.create(TokenApi.class), executor, check, projects, Clock.systemUTC());
    this.events = new EventService(authenticated.create(EventApi.class), executor, check, summaries,
        stack.retries().clock());
    this.organizations = new OrganizationService(authenticated.create(OrganizationApi.class),
        authenticated.create(ProjectApi.class), tokens, executor, check);
    this.stacks = new StackService(authenticated.create(StackApi.class), executor, check, summaries);
    this.users = new UserService(authenticated.create(UserApi.class), executor, check);
  }

  /** Returns a builder with the defaults: the hosted server, no credential, the default timeouts. */
  public static ExceptionlessClientBuilder builder() {
    return new ExceptionlessClientBuilder();
  }

  /**
   * Builds a client from {@code EXCEPTIONLESS_SERVER_URL}, {@code EXCEPTIONLESS_API_KEY} and
   * {@code EXCEPTIONLESS_USER_TOKEN}.
   *
   * @return the client
   * @throws IllegalStateException when the environment holds an invalid or conflicting setting
   */
  public static ExceptionlessClient fromEnv() {
    return builder().fromEnv().build();
  }

  static ExceptionlessClient fromEnv(Function<String, String> environment) {
    return builder().fromEnv(environment).build();
  }

  /** Returns a builder holding this client's settings, sharing its connection pool. */
  public ExceptionlessClientBuilder newBuilder() {
    return settings.derivedFrom(stack);
  }

  /**
   * Returns a client with the same settings that authenticates with a user token (from {@code login}).
   *
   * @param userToken the token
   * @return the new client
   */
  public ExceptionlessClient withUserToken(String userToken) {
    return newBuilder().userToken(userToken).build();
  }

  /**
   * Returns a client with the same settings that authenticates with an API key.
   *
   * @param apiKey the key
   * @return the new client
   */
  public ExceptionlessClient withApiKey(String apiKey) {
    return newBuilder().apiKey(apiKey).build();
  }

  /**
   * Logs in and returns a client that authenticates with the user's login token.
   *
   * @param email the email address
   * @param password the password (6 to 100 characters)
   * @return the logged-in client
   * @throws com.exceptionless.client.errors.UnauthorizedException when the login fails
   */
  public ExceptionlessClient login(String email, String password) {
    return withUserToken(auth.login(email, password).getToken());
  }

  /**
   * Finds a project by name or id and returns a client for it that authenticates with a client-scoped
   * token of that project: an existing enabled one, or a new one, as the policy says.
   *
   * <p>Needs a user login token (token management rejects API keys).
   *
   * @param projectNameOrId the project's name (exact, else case-insensitive) or its id
   * @param policy whether to reuse an existing enabled client token or always create one
   * @return the project, the token and the client
   * @throws com.exceptionless.client.errors.NotFoundException when no project has that name or id
   */
  public ProjectConnection connectToProject(String projectNameOrId, ClientTokenPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    ViewProject project = projects.require(projectNameOrId);
    ViewToken token = null;
    if (policy == ClientTokenPolicy.REUSE_EXISTING) {
      token = tokens.findReusableClientToken(project.getId()).orElse(null);
    }
    boolean created = token == null;
    if (created) {
      token = tokens.createClientToken(project, "exceptionless-java");
    }
    return new ProjectConnection(project, token, created, withApiKey(token.getId()));
  }

  /** Logging in and out. */
  public AuthService auth() {
    return auth;
  }

  /** Organizations, their projects, tokens, members and data (needs the user role). */
  public OrganizationService organizations() {
    return organizations;
  }

  /** Projects and their client configuration. */
  public ProjectService projects() {
    return projects;
  }

  /** API tokens (needs a user login token). */
  public TokenService tokens() {
    return tokens;
  }

  /** Events: submission (a client-scoped API key suffices), reading, counting and deleting (the user role). */
  public EventService events() {
    return events;
  }

  /** Stacks, the groups of similar events (needs the user role). */
  public StackService stacks() {
    return stacks;
  }

  /** The current user (needs the user role and a user). */
  public UserService users() {
    return users;
  }

  /** Returns the server URL, always ending with {@code /}. */
  public String serverUrl() {
    return stack.serverUrl().toString();
  }

  /** Returns the User-Agent this client sends, {@code exceptionless-java/<version>}. */
  public String userAgent() {
    return SdkVersion.USER_AGENT;
  }

  /** Returns whether this client authenticates with an API key (rather than a user token, or nothing). */
  public boolean authenticatesWithApiKey() {
    return credential != null && credential.kind() == Credential.Kind.API_KEY;
  }

  /**
   * Returns the OkHttpClient this client sends with, for requests the SDK has no method for: it adds this
   * client's credential, User-Agent and request log line, and gzips event submissions above 4 KB. Resolve
   * routes against {@link #serverUrl()}. It shares the connection pool of the OkHttpClient this client was
   * built with.
   */
  public OkHttpClient httpClient() {
    return authenticatedHttp;
  }

  /** Returns the Moshi instance this client reads and writes JSON with. */
  public Moshi moshi() {
    return stack.moshi();
  }

  @Override
  public String toString() {
    return "ExceptionlessClient{serverUrl=" + stack.serverUrl() + ", credential=" + (credential == null ? "none" : credential) + "}";
  }
}
