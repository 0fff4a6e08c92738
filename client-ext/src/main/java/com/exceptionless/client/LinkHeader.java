package com.exceptionless.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links of RFC 8288 {@code Link} headers, by relation.
 *
 * <p>Reads every value of the header (the Exceptionless server writes {@code rel="previous"} and
 * {@code rel="next"} as separate header values) and also splits comma-joined values. Immutable.
 */
final class LinkHeader {
  private final Map<String, String> urlsByRelation;

  private LinkHeader(Map<String, String> urlsByRelation) {
    this.urlsByRelation = urlsByRelation;
  }

  /**
   * Parses the values of every {@code Link} header of a response.
   *
   * @param headerValues the header values, possibly empty
   * @return the links; malformed entries are skipped
   */
  static LinkHeader parse(List<String> headerValues) {
    Map<String, String> links = new LinkedHashMap<>();
    for (String value : headerValues) {
      int position = 0;
      while (true) {
        int open = value.indexOf('<', position);
        int close = open < 0 ? -1 : value.indexOf('>', open);
        if (close < 0) {
          break;
        }
        String url = value.substring(open + 1, close).trim();
        int nextLink = value.indexOf('<', close);
        String params = nextLink < 0 ? value.substring(close + 1) : value.substring(close + 1, nextLink);
        for (String relation : relations(params)) {
          links.putIfAbsent(relation, url);
        }
        position = close + 1;
      }
    }
    return new LinkHeader(Collections.unmodifiableMap(links));
  }

  /**
   * Returns the URL of a relation, for example {@code next}.
   *
   * @param relation the relation, compared case-insensitively
   * @return the URL as the server wrote it, or empty
   */
  Optional<String> url(String relation) {
    return Optional.ofNullable(urlsByRelation.get(relation.toLowerCase(java.util.Locale.ROOT)));
  }

  private static List<String> relations(String params) {
    for (String param : params.split(";")) {
      String[] nameValue = param.trim().split("=", 2);
      if (nameValue.length == 2 && nameValue[0].trim().equalsIgnoreCase("rel")) {
        String rel = nameValue[1].trim().replace(",", "");
        if (rel.startsWith("\"") && rel.endsWith("\"") && rel.length() >= 2) {
          rel = rel.substring(1, rel.length() - 1);
        }
        return java.util.Arrays.asList(rel.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+"));
      }
    }
    return Collections.emptyList();
  }

  @Override
  public String toString() {
    return "LinkHeader" + urlsByRelation;
  }
}
