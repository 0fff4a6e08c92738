package com.exceptionless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.spec.ConformanceChecker.Finding;
import com.exceptionless.spec.ConformanceChecker.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Our spec must agree with the document the server publishes, except where {@link KnownDifferences} records
 * (with evidence) that the published document is wrong. The published copy lives beside the repository, in the
 * project workspace only; without it every test here is skipped.
 */
@EnabledIf(value = "publishedDocumentIsPresent", disabledReason = "../shared/reference/exceptionless-openapi.json "
    + "is absent (it is beside the repository in the project workspace only): conformance with the server's "
    + "published document not checked")
class PublishedContractConformanceTest {

  /** Maven runs the tests in spec/, so the workspace's shared folder is two levels up. */
  private static final Path PUBLISHED = Paths.get("..", "..", "shared", "reference", "exceptionless-openapi.json");

  private static OpenApiDocument published;
  private static List<Finding> findings;

  static boolean publishedDocumentIsPresent() {
    return Files.exists(PUBLISHED);
  }

  @BeforeEach
  void checkOurSpecAgainstThePublishedDocument() {
    if (findings == null) {
      published = OpenApiDocument.fromFile(PUBLISHED);
      findings = ConformanceChecker.check(OpenApiDocument.ours(), published);
    }
  }

  @Test
  void everyOperationOfOursExistsInThePublishedDocument() {
    assertNoUnexplained(Kind.OPERATION);
  }

  @Test
  void everyParameterOfOursExistsThereWithTheSameLocationAndACompatibleType() {
    assertNoUnexplained(Kind.PARAMETER);
  }

  @Test
  void everyRequestBodyPropertyOfOursExistsInThePublishedRequestSchema() {
    assertNoUnexplained(Kind.REQUEST_BODY);
  }

  @Test
  void everyResponsePropertyOfOursExistsInThePublishedResponseSchemaOfTheSameStatus() {
    assertNoUnexplained(Kind.RESPONSE_BODY);
  }

  @Test
  void everyStatusOfOursIsPublishedOrAKnownUndocumentedStatus() {
    assertNoUnexplained(Kind.STATUS);
  }

  @Test
  void everyAllowListEntryIsStillNeeded() {
    assertThat(KnownDifferences.stale(findings))
        .as("KnownDifferences entries that no longer match any difference (delete them); all findings:%n%s",
            lines(findings))
        .isEmpty();
  }

  // ---- The checker can fail: mutated copies of our spec must produce unexplained findings ----------------------

  @Test
  void aMisspelledResponsePropertyIsReported() {
    List<Finding> reported = unexplainedAfter(spec -> {
      Map<String, Object> properties = raw(raw(raw(raw(spec.get("components")).get("schemas")).get("ViewProject")).get("properties"));
      properties.put("organisation_id", properties.remove("organization_id"));
    });

    assertThat(reported).extracting(Finding::toString)
        .contains("GET /api/v2/projects/{id} (getProject) responses.200[application/json].organisation_id:"
            + " property 'organisation_id' is not in the published schema ViewProject")
        .anyMatch(f -> f.startsWith("GET /api/v2/projects (listProjects) responses.200[application/json][].organisation_id:"));
  }

  @Test
  void aMisspelledRequestPropertyIsReported() {
    List<Finding> reported = unexplainedAfter(spec -> {
      Map<String, Object> properties = raw(raw(raw(raw(spec.get("components")).get("schemas")).get("UpdateToken")).get("properties"));
      properties.put("disabled", properties.remove("is_disabled"));
    });

    assertThat(reported).extracting(Finding::toString)
        .contains("PATCH /api/v2/tokens/{id} (updateToken) requestBody[application/json].disabled:"
            + " property 'disabled' is not in the published schema UpdateToken");
  }

  @Test
  void aPropertyWhoseTypeDiffersIsReported() {
    List<Finding> reported = unexplainedAfter(spec -> {
      Map<String, Object> properties = raw(raw(raw(raw(spec.get("components")).get("schemas")).get("ClientConfiguration")).get("properties"));
      properties.put("version", new LinkedHashMap<>(Map.of("type", "number")));
    });

    assertThat(reported).extracting(Finding::toString)
        .contains("GET /api/v2/projects/config (getProjectConfig) responses.200[application/json].version:"
            + " type [number] does not fit the published type [integer]");
  }

  @Test
  void anUnknownQueryParameterIsReported() {
    List<Finding> reported = unexplainedAfter(spec -> {
      Map<String, Object> listProjects = raw(raw(raw(spec.get("paths")).get("/api/v2/projects")).get("get"));
      List<Object> parameters = new ArrayList<>(OpenApiDocument.list(listProjects.get("parameters")));
      parameters.add(Map.of("name", "include_deleted", "in", "query", "schema", Map.of("type", "boolean")));
      listProjects.put("parameters", parameters);
    });

    assertThat(reported).extracting(Finding::toString)
        .containsExactly("GET /api/v2/projects (listProjects) parameters.query.include_deleted:"
            + " parameter 'include_deleted' in query is not declared by the published operation");
  }

  @Test
  void anOperationOnAPathTheServerDoesNotHaveIsReported() {
    List<Finding> reported = unexplainedAfter(spec -> raw(spec.get("paths")).put("/api/v2/projects/{id}/archive",
        Map.of("post", Map.of("operationId", "archiveProject", "responses", Map.of("200", Map.of("description", "OK"))))));

    assertThat(reported).extracting(Finding::toString)
        .containsExactly("POST /api/v2/projects/{id}/archive (archiveProject): the published document has no such operation");
  }

  @Test
  void anUndocumentedStatusIsReported() {
    List<Finding> reported = unexplainedAfter(spec ->
        raw(raw(raw(raw(spec.get("paths")).get("/api/v2/projects/{id}")).get("get")).get("responses"))
            .put("409", Map.of("$ref", "#/components/responses/Conflict")));

    assertThat(reported).extracting(Finding::toString)
        .singleElement().asString().startsWith("GET /api/v2/projects/{id} (getProject) responses.409: status 409 is not declared");
  }

  private static void assertNoUnexplained(Kind kind) {
    List<Finding> unexplained = KnownDifferences.unexplained(findings).stream()
        .filter(f -> f.kind() == kind).collect(Collectors.toList());
    assertThat(unexplained)
        .as("%s differences from the published document that KnownDifferences does not explain "
            + "(fix our spec, or add an entry citing the contract notes)", kind)
        .extracting(Finding::toString)
        .isEmpty();
  }

  /** The unexplained findings that a change to a fresh copy of our spec adds to those of the real spec. */
  private static List<Finding> unexplainedAfter(Consumer<Map<String, Object>> change) {
    OpenApiDocument copy = OpenApiDocument.ours();
    change.accept(copy.root);
    List<Finding> added = new ArrayList<>(KnownDifferences.unexplained(ConformanceChecker.check(copy, published)));
    added.removeAll(KnownDifferences.unexplained(findings));
    return added;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> raw(Object node) {
    return (Map<String, Object>) node;
  }

  private static String lines(List<?> items) {
    return items.stream().map(String::valueOf).collect(Collectors.joining(System.lineSeparator()));
  }
}
