package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The subset of the server's Lucene-style {@code filter} this stand-in understands: whitespace-separated terms
 * {@code field:value} or free text, optionally quoted, {@code AND} ignored, a leading {@code -} or a preceding
 * {@code NOT} negating a term; every term must hold; immutable.
 */
final class SearchFilter {
  /** One term: field (null for free text, lower case), value, and whether it is negated. */
  static final class Term {
    final String field;
    final String value;
    final boolean negated;

    Term(String field, String value, boolean negated) {
      this.field = field;
      this.value = value;
      this.negated = negated;
    }
  }

  /** Decides whether one term holds for an item; returns null for a field it does not know (then ignored). */
  interface Matcher<T> {
    Boolean matches(T item, Term term);
  }

  final List<Term> terms;

  private SearchFilter(List<Term> terms) {
    this.terms = terms;
  }

  static SearchFilter parse(String filter) {
    List<Term> terms = new ArrayList<Term>();
    if (filter == null) {
      return new SearchFilter(terms);
    }
    boolean negateNext = false;
    for (String token : tokenize(filter)) {
      if (token.equalsIgnoreCase("AND")) {
        continue;
      }
      if (token.equals("NOT")) {
        negateNext = true;
        continue;
      }
      boolean negated = negateNext;
      negateNext = false;
      if (token.startsWith("-") && token.length() > 1) {
        negated = true;
        token = token.substring(1);
      }
      int colon = token.indexOf(':');
      if (colon > 0 && !token.startsWith("\"")) {
        terms.add(new Term(token.substring(0, colon).toLowerCase(Locale.ROOT), unquote(token.substring(colon + 1)),
            negated));
      } else {
        terms.add(new Term(null, unquote(token), negated));
      }
    }
    return new SearchFilter(terms);
  }

  /** Returns the value of the first non-negated term for the field, or null. */
  String value(String field) {
    for (Term term : terms) {
      if (!term.negated && field.equals(term.field)) {
        return term.value;
      }
    }
    return null;
  }

  <T> boolean matches(T item, Matcher<T> matcher) {
    for (Term term : terms) {
      Boolean result = matcher.matches(item, term);
      if (result != null && result == term.negated) {
        return false;
      }
    }
    return true;
  }

  static boolean containsIgnoringCase(String text, String part) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  /** Splits a filter into terms at whitespace outside double quotes (quotes kept). */
  static List<String> tokenize(String filter) {
    List<String> tokens = new ArrayList<String>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : filter.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (Character.isWhitespace(c) && !quoted) {
        if (current.length() > 0) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      tokens.add(current.toString());
    }
    return tokens;
  }

  /** Removes the double quotes around a value, if any. */
  static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
  }
}
