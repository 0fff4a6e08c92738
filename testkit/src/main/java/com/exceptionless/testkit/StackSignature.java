package com.exceptionless.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What groups events into a stack, as the server's plugins decide it: manual stacking ({@code @stack}
 * {@code signature_data}) wins; an {@code @error} groups as {@code ErrorSignature.cs} does (walking from the
 * innermost cause outwards, the first frame with a name whose namespace is empty or a user namespace and whose
 * signature holds none of the common methods: exception type plus {@code Namespace.Type.Method(ParamType name, …)};
 * else the innermost error's target method, its top frame or its type alone; {@code @ext} Number and ErrorCode
 * added), where the project's data {@code UserNamespaces} (comma-separated prefixes; without it every namespace
 * not starting with {@code System} or {@code Microsoft} is user code) and {@code CommonMethods} (default
 * {@code DataContext.SubmitChanges}, {@code Entities.SaveChanges}) change the rule; {@code @simple_error} groups on
 * its type and the SHA-1 of its whole stack trace; everything else on type and source. Also the stack's title and
 * the summary values of errors; immutable.
 */
final class StackSignature {
  private static final List<String> DEFAULT_COMMON_METHODS =
      Collections.unmodifiableList(Arrays.asList("DataContext.SubmitChanges", "Entities.SaveChanges"));
  private static final List<String> DEFAULT_NON_USER_NAMESPACES =
      Collections.unmodifiableList(Arrays.asList("System", "Microsoft"));

  final Map<String, String> info;
  final String hash;
  final String title;
  /** Type, TypeFullName, Method, MethodFullName of the innermost error, for summaries; empty for non-errors. */
  final Map<String, Object> errorSummary;

  private StackSignature(Map<String, String> info, String hash, String title, Map<String, Object> errorSummary) {
    this.info = info;
    this.hash = hash;
    this.title = title;
    this.errorSummary = errorSummary;
  }

  static StackSignature of(ProjectRecord project, ProcessedEvent event) {
    return of(project.id, project.dataList("UserNamespaces"), project.dataList("CommonMethods"), event);
  }

  /** The signature under the default rules (no UserNamespaces or CommonMethods), for event summaries. */
  static StackSignature of(String projectId, ProcessedEvent event) {
    return of(projectId, null, null, event);
  }

  private static StackSignature of(String projectId, List<String> userNamespaces, List<String> commonMethods,
      ProcessedEvent event) {
    Map<String, String> info = new LinkedHashMap<String, String>();
    Map<String, Object> summary = new LinkedHashMap<String, Object>();
    String title = null;
    Map<String, Object> manual = map(event.data.get("@stack"));
    Map<String, Object> error = innermost(event.data.get("@error"));
    Map<String, Object> simple = error == null ? map(event.data.get("@simple_error")) : null;
    if (manual != null && map(manual.get("signature_data")) != null) {
      for (Map.Entry<String, Object> entry : map(manual.get("signature_data")).entrySet()) {
        put(info, entry.getKey(), text(entry.getValue()));
      }
      title = string(manual.get("title"));
    } else if ("error".equals(event.type) && error != null) {
      Map<String, Object> chosen = errorSignature(map(event.data.get("@error")), info, userNamespaces,
          commonMethods);
      title = string(error.get("message"));
      String fullType = string(error.get("type"));
      if (fullType != null) {
        summary.put("Type", fullType.substring(fullType.lastIndexOf('.') + 1));
        summary.put("TypeFullName", fullType);
      }
      if (chosen != null) {
        String method = methodName(chosen);
        summary.put("Method", string(chosen.get("name")));
        summary.put("MethodFullName", method);
      }
    } else if ("error".equals(event.type) && simple != null) {
      put(info, "ExceptionType", string(simple.get("type")));
      String trace = string(simple.get("stack_trace"));
      if (trace != null && !trace.isEmpty()) {
        info.put("StackTrace", sha1Hex(trace));
      }
      Map<String, Object> inner = innermost(simple);
      title = string(inner.get("message"));
      String fullType = string(inner.get("type"));
      if (fullType != null) {
        summary.put("Type", fullType.substring(fullType.lastIndexOf('.') + 1));
        summary.put("TypeFullName", fullType);
      }
    } else {
      put(info, "Type", event.type);
      put(info, "Source", event.source);
    }
    if (title == null) {
      title = event.message != null ? event.message : event.source != null ? event.source : event.type;
    }
    if (title.length() > 1000) {
      title = title.substring(0, 1000);
    }
    return new StackSignature(Collections.unmodifiableMap(info), sha1(projectId, info), title,
        Collections.unmodifiableMap(summary));
  }

  /**
   * Fills the signature info as ErrorSignature.cs does and returns the frame (or target method) it chose, or
   * null when only the type was left.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> errorSignature(Map<String, Object> outer, Map<String, String> info,
      List<String> userNamespaces, List<String> commonMethods) {
    List<Map<String, Object>> chain = new ArrayList<Map<String, Object>>();
    for (Map<String, Object> current = outer; current != null; current = map(current.get("inner"))) {
      chain.add(0, current);
    }
    List<String> common = commonMethods != null ? commonMethods : DEFAULT_COMMON_METHODS;
    for (Map<String, Object> error : chain) {
      for (Map<String, Object> frame : frames(error)) {
        if (isUserFrame(frame, userNamespaces, common)) {
          put(info, "ExceptionType", string(error.get("type")));
          put(info, "Method", methodSignature(frame));
          addSpecialCaseDetails(error, info);
          return frame;
        }
      }
    }
    Map<String, Object> innermost = chain.get(0);
    Map<String, Object> chosen = map(innermost.get("target_method"));
    if (chosen == null && !frames(innermost).isEmpty()) {
      chosen = frames(innermost).get(0);
    }
    put(info, "ExceptionType", string(innermost.get("type")));
    if (chosen != null) {
      put(info, "Method", methodSignature(chosen));
    }
    addSpecialCaseDetails(innermost, info);
    if (info.isEmpty()) {
      info.put("NoStackingInformation", java.util.UUID.randomUUID().toString());
    }
    return chosen;
  }

  private static boolean isUserFrame(Map<String, Object> frame, List<String> userNamespaces, List<String> common) {
    if (string(frame.get("name")) == null) {
      return false;
    }
    String namespace = string(frame.get("declaring_namespace"));
    if (namespace != null && !namespace.isEmpty()) {
      boolean user = false;
      List<String> prefixes = userNamespaces == null || userNamespaces.isEmpty() ? null : userNamespaces;
      if (prefixes == null) {
        user = true;
        for (String system : DEFAULT_NON_USER_NAMESPACES) {
          user &= !namespace.startsWith(system);
        }
      } else {
        for (String prefix : prefixes) {
          user |= namespace.startsWith(prefix);
        }
      }
      if (!user) {
        return false;
      }
    }
    String signature = methodSignature(frame);
    for (String method : common) {
      if (signature.contains(method)) {
        return false;
      }
    }
    return true;
  }

  /** {@code Namespace.Type.Method[Generic,…](ParamType name, …)}, as MethodExtensions.GetSignature. */
  private static String methodSignature(Map<String, Object> method) {
    StringBuilder signature = new StringBuilder(methodName(method));
    List<Object> generics = list(method.get("generic_arguments"));
    if (!generics.isEmpty()) {
      signature.append('[');
      for (int i = 0; i < generics.size(); i++) {
        signature.append(i == 0 ? "" : ",").append(text(generics.get(i)));
      }
      signature.append(']');
    }
    signature.append('(');
    List<Object> parameters = list(method.get("parameters"));
    for (int i = 0; i < parameters.size(); i++) {
      Map<String, Object> parameter = map(parameters.get(i));
      String type = parameter == null ? null : string(parameter.get("type"));
      signature.append(i == 0 ? "" : ", ").append(type == null || type.isEmpty() ? "<UnknownType>" : type.replace('+', '.'))
          .append(' ').append(parameter == null || string(parameter.get("name")) == null ? "" : string(parameter.get("name")));
    }
    return signature.append(')').toString();
  }

  private static String methodName(Map<String, Object> method) {
    String name = string(method.get("name"));
    if (name == null || name.isEmpty()) {
      return "<null>";
    }
    StringBuilder text = new StringBuilder();
    String namespace = string(method.get("declaring_namespace"));
    if (namespace != null && !namespace.isEmpty()) {
      text.append(namespace).append('.');
    }
    String type = string(method.get("declaring_type"));
    if (type != null && !type.isEmpty()) {
      text.append(type.replace('+', '.')).append('.');
    }
    return text.append(name).toString();
  }

  private static void addSpecialCaseDetails(Map<String, Object> error, Map<String, String> info) {
    Map<String, Object> data = map(error.get("data"));
    Map<String, Object> extra = data == null ? null : map(data.get("@ext"));
    if (extra == null) {
      return;
    }
    for (String key : new String[] {"Number", "ErrorCode"}) {
      if (extra.get(key) != null) {
        info.put(key, text(extra.get(key)));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> frames(Map<String, Object> error) {
    List<Map<String, Object>> frames = new ArrayList<Map<String, Object>>();
    for (Object frame : list(error.get("stack_trace"))) {
      if (frame instanceof Map) {
        frames.add((Map<String, Object>) frame);
      }
    }
    return frames;
  }

  private static List<Object> list(Object value) {
    if (value instanceof List) {
      return new ArrayList<Object>((List<?>) value);
    }
    return Collections.emptyList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  /** A JSON value as text; integral numbers without a fraction, as .NET's ToString prints them. */
  private static String text(Object value) {
    if (value instanceof Double && ((Double) value) == Math.rint((Double) value) && !((Double) value).isInfinite()) {
      return Long.toString(((Double) value).longValue());
    }
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> innermost(Object error) {
    if (!(error instanceof Map)) {
      return null;
    }
    Map<String, Object> current = (Map<String, Object>) error;
    while (current.get("inner") instanceof Map) {
      current = (Map<String, Object>) current.get("inner");
    }
    return current;
  }

  private static void put(Map<String, String> info, String key, String value) {
    if (value != null && !value.isEmpty()) {
      info.put(key, value);
    }
  }

  private static String string(Object value) {
    return value instanceof String ? (String) value : null;
  }

  private static String sha1Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      StringBuilder hex = new StringBuilder();
      for (byte b : digest.digest(text.getBytes(StandardCharsets.UTF_8))) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  private static String sha1(String projectId, Map<String, String> info) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      digest.update(projectId.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> entry : info.entrySet()) {
        digest.update(("\n" + entry.getKey() + "=" + entry.getValue()).getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : digest.digest()) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
