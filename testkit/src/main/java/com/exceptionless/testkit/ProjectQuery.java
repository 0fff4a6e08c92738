package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The subset of the projects list's {@code filter} and {@code sort} this stand-in understands: the terms
 * {@code organization:<id>}, {@code project:<id>} (or {@code id:}), {@code name:<value>} and free text (all
 * matched ignoring case, names by substring, every term must match; other fields are ignored), and the sorts
 * {@code name}, {@code -name}, {@code created}, {@code -created} (default: name); immutable.
 */
final class ProjectQuery {
  private final List<String[]> terms;
  private final Comparator<ProjectRecord> order;

  private ProjectQuery(List<String[]> terms, Comparator<ProjectRecord> order) {
    this.terms = terms;
    this.order = order;
  }

  static ProjectQuery parse(String filter, String sort) {
    return new ProjectQuery(terms(filter), order(sort));
  }

  /** Returns the organization a filter term asks for, or null. */
  String requestedOrganizationId() {
    for (String[] term : terms) {
      if ("organization".equals(term[0])) {
        return term[1];
      }
    }
    return null;
  }

  List<ProjectRecord> apply(List<ProjectRecord> projects) {
    List<ProjectRecord> result = new ArrayList<ProjectRecord>();
    for (ProjectRecord project : projects) {
      if (matches(project)) {
        result.add(project);
      }
    }
    Collections.sort(result, order);
    return result;
  }

  private boolean matches(ProjectRecord project) {
    for (String[] term : terms) {
      String field = term[0];
      String value = term[1];
      boolean ok;
      if (field == null || field.equals("name")) {
        ok = project.name.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
      } else if (field.equals("organization")) {
        ok = project.organizationId.equalsIgnoreCase(value);
      } else if (field.equals("project") || field.equals("id")) {
        ok = project.id.equalsIgnoreCase(value);
      } else {
        ok = true;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static List<String[]> terms(String filter) {
    List<String[]> terms = new ArrayList<String[]>();
    if (filter == null) {
      return terms;
    }
    for (String token : SearchFilter.tokenize(filter)) {
      if (token.equalsIgnoreCase("AND")) {
        continue;
      }
      int colon = token.indexOf(':');
      if (colon > 0) {
        terms.add(new String[] {token.substring(0, colon).toLowerCase(Locale.ROOT),
            SearchFilter.unquote(token.substring(colon + 1))});
      } else {
        terms.add(new String[] {null, SearchFilter.unquote(token)});
      }
    }
    return terms;
  }

  private static Comparator<ProjectRecord> order(String sort) {
    String field = sort == null ? "" : sort.trim().toLowerCase(Locale.ROOT);
    boolean descending = field.startsWith("-");
    if (descending) {
      field = field.substring(1);
    }
    Comparator<ProjectRecord> comparator;
    if (field.equals("created") || field.equals("created_utc")) {
      comparator = new Comparator<ProjectRecord>() {
        @Override
        public int compare(ProjectRecord a, ProjectRecord b) {
          int byDate = a.createdUtc.compareTo(b.createdUtc);
          return byDate != 0 ? byDate : a.id.compareTo(b.id);
        }
      };
    } else {
      comparator = new Comparator<ProjectRecord>() {
        @Override
        public int compare(ProjectRecord a, ProjectRecord b) {
          int byName = a.name.compareToIgnoreCase(b.name);
          return byName != 0 ? byName : a.id.compareTo(b.id);
        }
      };
    }
    return descending ? Collections.reverseOrder(comparator) : comparator;
  }
}
