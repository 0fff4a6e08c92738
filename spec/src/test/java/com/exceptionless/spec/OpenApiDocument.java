package com.exceptionless.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * An OpenAPI document read with SnakeYAML (our YAML and the published JSON alike: JSON is YAML), plus the few
 * look-ups the tests need: operations, local {@code $ref} resolution and untyped map/list access.
 */
final class OpenApiDocument {

  /** Our spec, as packaged in the module's resources. */
  static final String SPEC_RESOURCE = "openapi/exceptionless-api.yaml";

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  final Map<String, Object> root;

  private OpenApiDocument(Object root) {
    this.root = map(root);
  }

  /** Loads our spec afresh (a new, independent tree each call, so callers may mutate it). */
  static OpenApiDocument ours() {
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the test classpath");
      }
      return new OpenApiDocument(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OpenApiDocument fromFile(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new OpenApiDocument(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OpenApiDocument fromText(String yamlOrJson) {
    return new OpenApiDocument(new Yaml().load(yamlOrJson));
  }

  /** One operation: its method (lower case), path, node and the parameters declared on its path item. */
  record Operation(String method, String path, Map<String, Object> node, List<Object> pathParameters) {

    String id() {
      Object id = node.get("operationId");
      return id == null ? "" : id.toString();
    }

    /** For messages, e.g. {@code GET /api/v2/projects (listProjects)}. */
    String label() {
      return method.toUpperCase(java.util.Locale.ROOT) + " " + path + (id().isEmpty() ? "" : " (" + id() + ")");
    }
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    map(root.get("paths")).forEach((path, item) -> {
      Map<String, Object> pathItem = map(item);
      for (String method : METHODS) {
        if (pathItem.containsKey(method)) {
          operations.add(new Operation(method, path, map(pathItem.get(method)), list(pathItem.get("parameters"))));
        }
      }
    });
    return operations;
  }

  Optional<Operation> operation(String method, String path) {
    return operations().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst();
  }

  /** The operation's parameters, resolved; operation-level ones override path-level ones of the same name and {@code in}. */
  List<Map<String, Object>> parameters(Operation operation) {
    Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Object p : operation.pathParameters()) {
      Map<String, Object> parameter = resolve(p);
      byKey.put(parameter.get("in") + " " + parameter.get("name"), parameter);
    }
    for (Object p : list(operation.node().get("parameters"))) {
      Map<String, Object> parameter = resolve(p);
      byKey.put(parameter.get("in") + " " + parameter.get("name"), parameter);
    }
    return new ArrayList<>(byKey.values());
  }

  /** Follows local {@code $ref}s ({@code #/components/...}) until a node without one; an absent node gives an empty map. */
  Map<String, Object> resolve(Object node) {
    Map<String, Object> current = map(node);
    for (int hops = 0; current.containsKey("$ref"); hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref cycle at " + current.get("$ref"));
      }
      current = map(pointer(current.get("$ref").toString()));
    }
    return current;
  }

  /** The node a local reference such as {@code #/components/schemas/ViewToken} points to, or null. */
  Object pointer(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local references are supported: " + ref);
    }
    Object node = root;
    for (String token : ref.substring(2).split("/")) {
      node = map(node).get(token.replace("~1", "/").replace("~0", "~"));
    }
    return node;
  }

  /** The last segment of a {@code $ref}, e.g. {@code ViewToken}, or null when the node is not a reference. */
  static String refName(Object node) {
    Object ref = map(node).get("$ref");
    return ref == null ? null : ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (node instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      // keys may be non-strings in YAML (e.g. an unquoted 200); the tests always look them up as strings
      ((Map<Object, Object>) node).forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    }
    return Collections.emptyMap();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List ? (List<Object>) node : Collections.emptyList();
  }

  static String text(Object node) {
    return node == null ? "" : node.toString();
  }
}
