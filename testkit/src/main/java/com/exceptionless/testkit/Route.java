package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route: method, a template in the server's manifest syntax (e.g. {@code /api/v2/projects/{id:objectid}}),
 * its policy and handler; literal segments match ignoring case; immutable.
 */
final class Route {
  private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)(?::([a-z]+(?:\\(\\d+\\))?))?}");
  private static final String OBJECT_ID = "[a-zA-Z\\d]{24,36}";
  private static final String TOKEN = "[a-zA-Z\\d-]{24,40}";
  private static final String IDENTIFIER = "[a-zA-Z\\d-]{8,100}";

  final String method;
  final String template;
  final Policy policy;
  final RouteHandler handler;
  private final Pattern pattern;
  private final List<String> parameterNames;

  Route(String method, String template, Policy policy, RouteHandler handler) {
    this.method = method;
    this.template = template;
    this.policy = policy;
    this.handler = handler;
    List<String> names = new ArrayList<String>();
    this.pattern = compile(template, names);
    this.parameterNames = Collections.unmodifiableList(names);
  }

  /** Returns the path parameters when the path matches, else null. */
  Map<String, String> match(String path) {
    Matcher matcher = pattern.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<String, String>();
    for (int i = 0; i < parameterNames.size(); i++) {
      values.put(parameterNames.get(i), matcher.group(i + 1));
    }
    return values;
  }

  private static Pattern compile(String template, List<String> names) {
    StringBuilder regex = new StringBuilder();
    Matcher matcher = PARAMETER.matcher(template);
    int last = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(template.substring(last, matcher.start())));
      names.add(matcher.group(1));
      regex.append('(').append(constraint(matcher.group(2))).append(')');
      last = matcher.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?");
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }

  private static String constraint(String name) {
    if (name == null) {
      return "[^/]+";
    }
    if (name.equals("objectid")) {
      return OBJECT_ID;
    }
    if (name.equals("objectids")) {
      return OBJECT_ID + "(?:," + OBJECT_ID + ")*";
    }
    if (name.equals("identifier")) {
      return IDENTIFIER;
    }
    if (name.equals("token")) {
      return TOKEN;
    }
    if (name.equals("minlength(1)")) {
      return "[^/]+";
    }
    if (name.equals("tokens")) {
      return TOKEN + "(?:," + TOKEN + ")*";
    }
    throw new IllegalArgumentException("Unknown route constraint: " + name);
  }

  @Override
  public String toString() {
    return method + " " + template + " (" + policy + ")";
  }
}
