package com.exceptionless.spec;

import com.exceptionless.spec.ConformanceChecker.Finding;
import com.exceptionless.spec.ConformanceChecker.Kind;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * THE allow-list: every place where our spec deliberately differs from the document the server publishes
 * ({@code /docs/v2/openapi.json}, a copy in {@code ../shared/reference/exceptionless-openapi.json}), because that
 * document is wrong about the real server. Each entry cites the section of the contract notes
 * ({@code ../shared/notes/exceptionless-api-contract.md}) that records the server's real behaviour.
 *
 * <p>Keep it narrow: an entry names one operation (or {@code *} for a rule that holds for every operation) and one
 * location; {@code *} in a location matches one segment (a status code, a media type or a property name), never a
 * whole path. {@link PublishedContractConformanceTest} fails on any finding no entry explains and on any entry
 * that explains no finding (a stale entry: delete it).
 */
final class KnownDifferences {

  record Entry(Kind kind, String operationId, String location, String reason) {

    boolean matches(Finding finding) {
      return finding.kind() == kind
          && ("*".equals(operationId) || operationId.equals(finding.operationId()))
          && glob(location).matcher(finding.location()).matches();
    }

    @Override
    public String toString() {
      return kind + " " + operationId + " " + location + " (" + reason + ")";
    }

    private static Pattern glob(String location) {
      return Pattern.compile(Pattern.quote(location).replace("*", "\\E[^.\\[\\]]+\\Q"));
    }
  }

  static final List<Entry> ENTRIES = List.of(
      // ---- Statuses the published document omits for every operation --------------------------------------
      // §2.4.1: the document declares no security at all, so the answers of the authentication layer (401
      // bad/missing credential, 403 missing role) and of ThrottlingMiddleware (429, §4.7) are never declared.
      new Entry(Kind.STATUS, "*", "responses.401", "§2.4.1/§3: authentication failures are never declared"),
      new Entry(Kind.STATUS, "*", "responses.403", "§2.4.1/§3.2: authorization failures are never declared"),
      new Entry(Kind.STATUS, "*", "responses.429", "§2.4.1/§4.7: throttling (3500 requests/15 min) is never declared"),

      // ---- Statuses the published document omits for one operation ---------------------------------------
      new Entry(Kind.STATUS, "listProjects", "responses.400",
          "§4.5: a query value that does not bind (e.g. page=abc) raises BadHttpRequestException, 400"),
      new Entry(Kind.STATUS, "createProjectToken", "responses.422",
          "§4.2/§4.5: an invalid scope (e.g. the documented 'admin') or a scope the caller may not grant gives 422"),
      new Entry(Kind.STATUS, "getProjectDefaultToken", "responses.201",
          "§2.4.4/§4.2: when the project has no default token the server creates one and answers 201 + Location"),
      new Entry(Kind.STATUS, "submitEvents", "responses.402",
          "§2.4.3/§4.1: OverageMiddleware, monthly event quota used up or organization suspended"),
      new Entry(Kind.STATUS, "submitEvents", "responses.411", "§2.4.3/§4.1: OverageMiddleware, Content-Length: 0"),
      new Entry(Kind.STATUS, "submitEvents", "responses.415",
          "§2.4.3/§4.1: Content-Type neither application/json nor text/plain"),
      new Entry(Kind.STATUS, "submitEvents", "responses.503", "§2.4.3/§4.1: OverageMiddleware, submission disabled"),
      new Entry(Kind.STATUS, "submitProjectEvents", "responses.402", "§2.4.3/§4.1: as submitEvents"),
      new Entry(Kind.STATUS, "submitProjectEvents", "responses.411", "§2.4.3/§4.1: as submitEvents"),
      new Entry(Kind.STATUS, "submitProjectEvents", "responses.415", "§2.4.3/§4.1: as submitEvents"),
      new Entry(Kind.STATUS, "submitProjectEvents", "responses.503", "§2.4.3/§4.1: as submitEvents"),
      new Entry(Kind.STATUS, "listOrganizationProjects", "responses.400", "§4.5: as listProjects (same handler)"),
      new Entry(Kind.STATUS, "listOrganizationUsers", "responses.400",
          "§4.5: as listProjects, a page or limit that does not bind raises BadHttpRequestException, 400"),
      new Entry(Kind.STATUS, "createProject", "responses.426",
          "§2.4.5/§4.7: over the plan's project limit, 426 'Please upgrade your plan to add additional projects.'"),
      new Entry(Kind.STATUS, "createOrganization", "responses.426",
          "§2.4.5/§4.7: over the plan's organization limit, 426 'Please upgrade your plan to add an additional organization.'"),
      new Entry(Kind.STATUS, "createOrganizationToken", "responses.422",
          "§4.2/§4.5: an invalid scope, or one the caller may not grant, gives 422 (as createProjectToken)"),
      new Entry(Kind.STATUS, "createToken", "responses.422",
          "§2.4.6/§4.2: an id that is not an ObjectId, a project of another organization or an invalid scope gives 422"),
      new Entry(Kind.STATUS, "submitUserDescription", "responses.422",
          "§4.5: model validation (AutoValidationEndpointFilter) of UserDescription answers 422 with snake_case keys"),
      new Entry(Kind.STATUS, "submitProjectUserDescription", "responses.422", "§4.5: as submitUserDescription"),

      // ---- Bodies the published document describes wrongly -------------------------------------------------
      new Entry(Kind.REQUEST_BODY, "submitEvents", "requestBody[application/json]",
          "§2.4.3/§4.1: declared as a plain string; the server takes one event object or an array of them"),
      new Entry(Kind.REQUEST_BODY, "submitProjectEvents", "requestBody[application/json]",
          "§2.4.3/§4.1: as submitEvents"),
      new Entry(Kind.RESPONSE_BODY, "deleteTokens", "responses.400[application/json]",
          "§4.2: a partly failed bulk delete answers 400 with an application/json ModelActionResults body"),
      new Entry(Kind.RESPONSE_BODY, "deleteOrganizations", "responses.400[application/json]",
          "§4.2: the same bulk rules apply to organizations"),
      new Entry(Kind.RESPONSE_BODY, "deleteProjects", "responses.400[application/json]",
          "§4.2: the same bulk rules apply to projects"),
      new Entry(Kind.RESPONSE_BODY, "deleteStacks", "responses.400[application/json]",
          "§4.2: the same bulk rules apply to stacks"),
      new Entry(Kind.RESPONSE_BODY, "deleteEvents", "responses.400[application/json]",
          "§4.2: the same bulk rules apply to events"),
      new Entry(Kind.RESPONSE_BODY, "promoteStack", "responses.501[application/problem+json]",
          "§4.5: declared without a body; the handler's not_implemented result is written as a ProblemDetails body"),
      new Entry(Kind.RESPONSE_BODY, "submitEvents", "responses.413[application/problem+json]",
          "§4.1/§4.5: declared without a body; the status-code page writes a ProblemDetails body"),
      new Entry(Kind.RESPONSE_BODY, "submitProjectEvents", "responses.413[application/problem+json]",
          "§4.1/§4.5: as submitEvents"),
      new Entry(Kind.RESPONSE_BODY, "*", "responses.*[application/problem+json].errors",
          "§4.5: validation errors are HttpValidationProblemDetails (with 'errors') where ProblemDetails is declared"));

  private KnownDifferences() {
  }

  /** The findings no entry explains. */
  static List<Finding> unexplained(List<Finding> findings) {
    return findings.stream().filter(f -> ENTRIES.stream().noneMatch(e -> e.matches(f))).collect(Collectors.toList());
  }

  /** The entries that explain none of the findings. */
  static List<Entry> stale(List<Finding> findings) {
    return ENTRIES.stream().filter(e -> findings.stream().noneMatch(e::matches)).collect(Collectors.toList());
  }
}
