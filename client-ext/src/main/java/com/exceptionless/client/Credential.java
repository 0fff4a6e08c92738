package com.exceptionless.client;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bearer credential and what kind it is; its {@link #toString()} never shows the secret. Immutable.
 */
final class Credential {
  /** Tokens are base64url-like; anything with spaces or control characters would corrupt the header. */
  private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[A-Za-z0-9._~+/=-]+");

  enum Kind {
    API_KEY("API key"),
    USER_TOKEN("user token");

    private final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  private final String token;
  private final Kind kind;

  private Credential(String token, Kind kind) {
    this.token = token;
    this.kind = kind;
  }

  /**
   * Validates and wraps a token.
   *
   * @throws IllegalArgumentException when the token is blank or has characters a token never has
   */
  static Credential of(String token, Kind kind, String settingName) {
    Objects.requireNonNull(token, settingName + " == null");
    String trimmed = token.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(settingName + " is blank: pass the " + kind.description + " itself");
    }
    if (!TOKEN_CHARACTERS.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(settingName + " contains characters a token never has"
          + " (spaces, quotes or control characters): pass only the token, without \"Bearer \"");
    }
    return new Credential(trimmed, kind);
  }

  String authorizationHeader() {
    return "Bearer " + token;
  }

  Kind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return kind.description + "(***)";
  }
}
