package com.exceptionless.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a servlet request into the {@code @request} of an event, with the JSON names of the server's RequestInfo
 * model: {@code http_method}, {@code user_agent}, {@code host}, {@code path}, {@code port}, {@code is_secure},
 * {@code referrer}, {@code client_ip_address}, {@code headers} (name to values), {@code cookies} and
 * {@code query_string}. It only reads what the container parsed from the request line and headers, never the body
 * (the query string is parsed from {@link HttpServletRequest#getQueryString()}, not from the parameters, which
 * would read a form body). {@code post_data} is sent only when the filter records bodies
 * ({@link ExceptionlessFilter.Builder#postData(int)}), and then only what the application itself read: form
 * fields and JSON without the members whose name looks secret, other text as text, binary bodies never.
 *
 * <p>Left out by default: the headers {@code Authorization}, {@code Cookie}, {@code Set-Cookie} and
 * {@code Proxy-Authorization}; every cookie's value (cookies are sent by name, each with the value
 * {@value #EXCLUDED}); headers, query parameters and path parameters (such as {@code ;jsessionid=}) whose name
 * contains, ignoring case, one of the {@link #DEFAULT_SECRET_NAMES} (or the names given to
 * {@link Builder#secretNames}); and the same query parameters in the referrer (and its {@code Referer} header). The reporter's data exclusions
 * then apply to the names of headers, cookies and query parameters as to any data.
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestInfoCollector {
  /** The value every cookie is sent with: cookie values are never sent. */
  public static final String EXCLUDED = "[excluded]";

  /** Parts of names (matched ignoring case) that mark a header or query parameter as secret by default. */
  public static final List<String> DEFAULT_SECRET_NAMES = Collections.unmodifiableList(Arrays.asList(
      "password", "passwd", "pwd", "secret", "token", "key", "auth", "credential", "session", "signature", "cookie"));

  /** Headers that are never sent, whatever the configured names. */
  static final List<String> ALWAYS_EXCLUDED_HEADERS = Collections.unmodifiableList(Arrays.asList(
      "authorization", "cookie", "set-cookie", "proxy-authorization"));

  private static final RequestInfoCollector DEFAULTS = builder().build();

  private final List<String> secretNames;

  private RequestInfoCollector(Builder builder) {
    this.secretNames = Collections.unmodifiableList(new ArrayList<>(builder.secretNames));
  }

  /** Returns the collector with the default secret names. */
  public static RequestInfoCollector defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the default secret names. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the parts of names that mark a header or query parameter as secret, lower case. */
  public List<String> secretNames() {
    return secretNames;
  }

  /**
   * Returns the request's properties for {@code EventBuilder.request(...)}; never reads the body.
   *
   * @param request the request
   * @return a new map, keyed by the RequestInfo model's JSON names
   */
  public Map<String, Object> collect(HttpServletRequest request) {
    Objects.requireNonNull(request, "request == null");
    Map<String, Object> info = new LinkedHashMap<>();
    putIfNotNull(info, "http_method", request.getMethod());
    putIfNotNull(info, "user_agent", request.getHeader("User-Agent"));
    putIfNotNull(info, "host", request.getServerName());
    putIfNotNull(info, "path", withoutSecretPathParameters(request.getRequestURI()));
    info.put("port", request.getServerPort());
    info.put("is_secure", request.isSecure());
    putIfNotNull(info, "referrer", referrer(request.getHeader("Referer")));
    putIfNotNull(info, "client_ip_address", request.getRemoteAddr());
    info.put("headers", headers(request));
    info.put("cookies", cookies(request.getCookies()));
    Map<String, String> query = parseQuery(request.getQueryString());
    info.put("query_string", withoutSecrets(query));
    Object recording = request.getAttribute(BodyRecordingRequest.ATTRIBUTE);
    if (recording instanceof BodyRecordingRequest) {
      putIfNotNull(info, "post_data", ((BodyRecordingRequest) recording).postData(this, query));
    }
    return info;
  }

  boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String part : secretNames) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) {
      return headers;
    }
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (ALWAYS_EXCLUDED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSecret(name)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      Enumeration<String> all = request.getHeaders(name);
      boolean referer = name.equalsIgnoreCase("Referer");
      while (all != null && all.hasMoreElements()) {
        String value = all.nextElement();
        values.add(referer ? referrer(value) : value);
      }
      headers.put(name, values);
    }
    return headers;
  }

  private static Map<String, String> cookies(Cookie[] cookies) {
    Map<String, String> names = new LinkedHashMap<>();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        names.put(cookie.getName(), EXCLUDED);
      }
    }
    return names;
  }

  /** The query string's parameters by decoded name, repeated ones joined with commas, secret-looking ones too. */
  static Map<String, String> parseQuery(String queryString) {
    Map<String, String> query = new LinkedHashMap<>();
    if (queryString == null || queryString.isEmpty()) {
      return query;
    }
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!name.isEmpty()) {
        query.merge(name, value, (earlier, later) -> earlier + "," + later);
      }
    }
    return query;
  }

  /** A copy of the parameters without those whose name looks secret. */
  Map<String, String> withoutSecrets(Map<String, String> parameters) {
    Map<String, String> kept = new LinkedHashMap<>();
    parameters.forEach((name, value) -> {
      if (!isSecret(name)) {
        kept.put(name, value);
      }
    });
    return kept;
  }

  /** The referrer with its secret-looking query parameters left out (the rest of it as sent). */
  private String referrer(String referrer) {
    if (referrer == null) {
      return null;
    }
    int question = referrer.indexOf('?');
    if (question < 0) {
      return referrer;
    }
    int hash = referrer.indexOf('#', question);
    String query = hash < 0 ? referrer.substring(question + 1) : referrer.substring(question + 1, hash);
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (!pair.isEmpty() && !isSecret(name)) {
        kept.append(kept.length() == 0 ? "" : "&").append(pair);
      }
    }
    return referrer.substring(0, question) + (kept.length() == 0 ? "" : "?" + kept);
  }

  /** The path without path parameters whose name looks secret ({@code /a;jsessionid=X/b} becomes {@code /a/b}). */
  String withoutSecretPathParameters(String path) {
    if (path == null || path.indexOf(';') < 0) {
      return path;
    }
    StringBuilder kept = new StringBuilder(path.length());
    int i = 0;
    while (i < path.length()) {
      int semicolon = path.indexOf(';', i);
      if (semicolon < 0) {
        kept.append(path, i, path.length());
        break;
      }
      kept.append(path, i, semicolon);
      int end = semicolon + 1;
      while (end < path.length() && path.charAt(end) != ';' && path.charAt(end) != '/') {
        end++;
      }
      String parameter = path.substring(semicolon + 1, end);
      int equals = parameter.indexOf('=');
      if (!isSecret(equals < 0 ? parameter : parameter.substring(0, equals))) {
        kept.append(';').append(parameter);
      }
      i = end;
    }
    return kept.toString();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, "UTF-8");
    } catch (IllegalArgumentException | UnsupportedEncodingException e) {
      return text;
    }
  }

  private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Builds a {@link RequestInfoCollector}; not thread-safe. */
  public static final class Builder {
    private final Set<String> secretNames = new LinkedHashSet<>(DEFAULT_SECRET_NAMES);

    private Builder() {
    }

    /**
     * Replaces the parts of names that mark a header or query parameter as secret (the defaults are
     * {@link #DEFAULT_SECRET_NAMES}; pass them along to extend them). The {@code Authorization}, {@code Cookie},
     * {@code Set-Cookie} and {@code Proxy-Authorization} headers and cookie values are left out whatever the names.
     *
     * @param names parts of names, matched ignoring case
     * @return this builder
     * @throws NullPointerException when the collection or a name is null
     * @throws IllegalArgumentException when a name is blank
     */
    public Builder secretNames(Iterable<String> names) {
      Objects.requireNonNull(names, "names == null");
      Set<String> checked = new LinkedHashSet<>();
      for (String name : names) {
        Objects.requireNonNull(name, "name == null");
        if (name.trim().isEmpty()) {
          throw new IllegalArgumentException("secret name is blank");
        }
        checked.add(name.trim().toLowerCase(Locale.ROOT));
      }
      secretNames.clear();
      secretNames.addAll(checked);
      return this;
    }

    /**
     * Adds parts of names that mark a header or query parameter as secret, to those already set.
     *
     * @param names parts of names, matched ignoring case
     * @return this builder
     * @throws NullPointerException when the array or a name is null
     * @throws IllegalArgumentException when a name is blank
     */
    public Builder addSecretNames(String... names) {
      Objects.requireNonNull(names, "names == null");
      List<String> all = new ArrayList<>(secretNames);
      all.addAll(Arrays.asList(names));
      return secretNames(all);
    }

    /** Returns the collector. */
    public RequestInfoCollector build() {
      return new RequestInfoCollector(this);
    }
  }
}
