package com.exceptionless.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** An immutable stored user; keeps only a salted password hash and never prints it. */
final class UserRecord {
  final String id;
  final String email;
  final boolean globalAdmin;
  private final byte[] salt;
  private final byte[] passwordHash;

  UserRecord(String id, String email, String password, boolean globalAdmin) {
    this.id = id;
    this.email = email;
    this.globalAdmin = globalAdmin;
    this.salt = Ids.randomBytes(16);
    this.passwordHash = hash(salt, password);
  }

  boolean isCorrectPassword(String password) {
    return password != null && MessageDigest.isEqual(passwordHash, hash(salt, password));
  }

  private static byte[] hash(byte[] salt, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      return digest.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "UserRecord{id=" + id + ", email=" + email + ", globalAdmin=" + globalAdmin + "}";
  }
}
