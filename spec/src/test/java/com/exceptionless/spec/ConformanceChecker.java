package com.exceptionless.spec;

import static com.exceptionless.spec.OpenApiDocument.list;
import static com.exceptionless.spec.OpenApiDocument.map;
import static com.exceptionless.spec.OpenApiDocument.text;

import com.exceptionless.spec.OpenApiDocument.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares our spec with the server's published OpenAPI document and lists every place where ours says something
 * the published one does not: an operation, a parameter, a request or response property, a media type or a status
 * code. It only checks that ours is contained in theirs (the published document describes far more routes); types
 * are compared leniently (null is ignored, integer fits number, an untyped schema fits anything). Which findings
 * are expected is decided elsewhere, by {@link KnownDifferences}.
 */
final class ConformanceChecker {

  enum Kind { OPERATION, PARAMETER, REQUEST_BODY, RESPONSE_BODY, STATUS }

  /**
   * One difference. {@code location} is readable and stable, for allow-list matching:
   * {@code parameters.query.limit}, {@code requestBody[application/json].scopes[]},
   * {@code responses.200[application/json][].organization_id}, {@code responses.429}.
   */
  record Finding(Kind kind, String operationId, String operation, String location, String message) {
    @Override
    public String toString() {
      return operation + (location.isEmpty() ? "" : " " + location) + ": " + message;
    }
  }

  private static final int MAX_DEPTH = 16;

  private final OpenApiDocument ours;
  private final OpenApiDocument published;
  private final List<Finding> findings = new ArrayList<>();

  private ConformanceChecker(OpenApiDocument ours, OpenApiDocument published) {
    this.ours = ours;
    this.published = published;
  }

  static List<Finding> check(OpenApiDocument ours, OpenApiDocument published) {
    ConformanceChecker checker = new ConformanceChecker(ours, published);
    ours.operations().forEach(checker::checkOperation);
    return checker.findings;
  }

  private void checkOperation(Operation op) {
    Optional<Operation> theirs = published.operation(op.method(), op.path());
    if (theirs.isEmpty()) {
      add(Kind.OPERATION, op, "", "the published document has no such operation");
      return;
    }
    checkParameters(op, theirs.get());
    checkRequestBody(op, theirs.get());
    checkResponses(op, theirs.get());
  }

  private void checkParameters(Operation op, Operation theirs) {
    List<Map<String, Object>> theirParameters = published.parameters(theirs);
    for (Map<String, Object> parameter : ours.parameters(op)) {
      String name = text(parameter.get("name"));
      String in = text(parameter.get("in"));
      String where = "parameters." + in + "." + name;
      Optional<Map<String, Object>> match = theirParameters.stream()
          .filter(p -> name.equals(p.get("name")) && in.equals(p.get("in"))).findFirst();
      if (match.isEmpty()) {
        String elsewhere = theirParameters.stream().filter(p -> name.equals(p.get("name")))
            .map(p -> " (it declares '" + name + "' in " + p.get("in") + ")").findFirst().orElse("");
        add(Kind.PARAMETER, op, where, "parameter '" + name + "' in " + in
            + " is not declared by the published operation" + elsewhere);
        continue;
      }
      String problem = typeProblem(SchemaView.of(ours, parameter.get("schema")),
          SchemaView.of(published, match.get().get("schema")));
      if (problem != null) {
        add(Kind.PARAMETER, op, where, "parameter '" + name + "': " + problem);
      }
    }
  }

  private void checkRequestBody(Operation op, Operation theirs) {
    Map<String, Object> body = ours.resolve(op.node().get("requestBody"));
    if (body.isEmpty()) {
      return;
    }
    Map<String, Object> theirContent = map(published.resolve(theirs.node().get("requestBody")).get("content"));
    map(body.get("content")).forEach((mediaType, media) -> {
      String where = "requestBody[" + mediaType + "]";
      if (!theirContent.containsKey(mediaType)) {
        add(Kind.REQUEST_BODY, op, where, "the published operation accepts no " + mediaType
            + " body (it accepts " + theirContent.keySet() + ")");
      } else {
        compareSchemas(Kind.REQUEST_BODY, op, where, map(media).get("schema"),
            map(theirContent.get(mediaType)).get("schema"), 0);
      }
    });
  }

  private void checkResponses(Operation op, Operation theirs) {
    Map<String, Object> theirResponses = map(theirs.node().get("responses"));
    map(op.node().get("responses")).forEach((status, response) -> {
      if (!theirResponses.containsKey(status)) {
        add(Kind.STATUS, op, "responses." + status, "status " + status
            + " is not declared by the published operation (it declares " + theirResponses.keySet() + ")");
        return;
      }
      Map<String, Object> theirContent = map(published.resolve(theirResponses.get(status)).get("content"));
      map(ours.resolve(response).get("content")).forEach((mediaType, media) -> {
        String where = "responses." + status + "[" + mediaType + "]";
        if (!theirContent.containsKey(mediaType)) {
          add(Kind.RESPONSE_BODY, op, where, "the published " + status + " response has no " + mediaType
              + " content (it has " + theirContent.keySet() + ")");
        } else {
          compareSchemas(Kind.RESPONSE_BODY, op, where, map(media).get("schema"),
              map(theirContent.get(mediaType)).get("schema"), 0);
        }
      });
    });
  }

  /** Checks that every property of our schema exists in theirs with a compatible type, recursively. */
  private void compareSchemas(Kind kind, Operation op, String where, Object ourSchema, Object theirSchema, int depth) {
    if (ourSchema == null || theirSchema == null || depth > MAX_DEPTH) {
      return;
    }
    SchemaView mine = SchemaView.of(ours, ourSchema);
    SchemaView theirs = SchemaView.of(published, theirSchema);
    String problem = typeProblem(mine, theirs);
    if (problem != null) {
      add(kind, op, where, problem);
      return;
    }
    mine.properties.forEach((name, schema) -> {
      String at = where + "." + name;
      if (theirs.properties.containsKey(name)) {
        compareSchemas(kind, op, at, schema, theirs.properties.get(name), depth + 1);
      } else if (!theirs.properties.isEmpty() || theirs.closed) {
        add(kind, op, at, "property '" + name + "' is not in the published schema"
            + (theirs.names.isEmpty() ? "" : " " + String.join("/", theirs.names)));
      } // else: theirs is a free-form object (a map), which any property fits
    });
    if (!mine.items.isEmpty() && !theirs.items.isEmpty()) {
      compareSchemas(kind, op, where + "[]", anyOf(mine.items), anyOf(theirs.items), depth + 1);
    }
    if (mine.additional != null && theirs.additional != null) {
      compareSchemas(kind, op, where + "{}", mine.additional, theirs.additional, depth + 1);
    }
  }

  /** Null if every JSON type ours allows is allowed by theirs; null-ness and untyped schemas are lenient. */
  static String typeProblem(SchemaView mine, SchemaView theirs) {
    Set<String> ourTypes = mine.nonNullTypes();
    Set<String> theirTypes = theirs.nonNullTypes();
    if (ourTypes.isEmpty() || theirTypes.isEmpty()) {
      return null;
    }
    Set<String> unmatched = ourTypes.stream()
        .filter(t -> !theirTypes.contains(t) && !("integer".equals(t) && theirTypes.contains("number")))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return unmatched.isEmpty() ? null
        : "type " + ourTypes + " does not fit the published type " + theirTypes;
  }

  private static Object anyOf(List<Object> schemas) {
    return schemas.size() == 1 ? schemas.get(0) : Map.of("anyOf", schemas);
  }

  private void add(Kind kind, Operation op, String location, String message) {
    findings.add(new Finding(kind, op.id(), op.label(), location, message));
  }

  /**
   * A schema flattened for comparison: {@code $ref}s resolved and {@code allOf}/{@code oneOf}/{@code anyOf}
   * merged into one union of types and properties ({@code oneOf: [{type: null}, {$ref}]} thus becomes the
   * referenced object, nullable). OpenAPI 3.0 {@code nullable: true} and 3.1 {@code type: [null, x]} both add
   * {@code null}.
   */
  static final class SchemaView {
    final Set<String> types = new LinkedHashSet<>();
    final Map<String, Object> properties = new LinkedHashMap<>();
    final List<Object> items = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    Object additional;
    boolean closed;

    static SchemaView of(OpenApiDocument doc, Object schema) {
      SchemaView view = new SchemaView();
      view.add(doc, schema, 0);
      if (view.nonNullTypes().isEmpty()) {
        if (!view.properties.isEmpty()) {
          view.types.add("object");
        }
        if (!view.items.isEmpty()) {
          view.types.add("array");
        }
      }
      return view;
    }

    Set<String> nonNullTypes() {
      return types.stream().filter(t -> !"null".equals(t)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private void add(OpenApiDocument doc, Object node, int depth) {
      if (node == null || depth > MAX_DEPTH) {
        return;
      }
      String name = OpenApiDocument.refName(node);
      if (name != null) {
        names.add(name);
      }
      Map<String, Object> schema = doc.resolve(node);
      Object type = schema.get("type");
      if (type instanceof List) {
        list(type).forEach(t -> types.add(String.valueOf(t)));
      } else if (type != null) {
        types.add(type.toString());
      }
      if (Boolean.TRUE.equals(schema.get("nullable"))) {
        types.add("null");
      }
      map(schema.get("properties")).forEach(properties::putIfAbsent);
      if (schema.containsKey("items")) {
        items.add(schema.get("items"));
      }
      Object additionalProperties = schema.get("additionalProperties");
      if (additionalProperties instanceof Map && !map(additionalProperties).isEmpty() && additional == null) {
        additional = additionalProperties;
      }
      closed |= Boolean.FALSE.equals(additionalProperties);
      for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
        list(schema.get(combinator)).forEach(sub -> add(doc, sub, depth + 1));
      }
    }
  }
}
