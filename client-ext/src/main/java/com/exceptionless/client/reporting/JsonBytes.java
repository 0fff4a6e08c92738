package com.exceptionless.client.reporting;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one JSON document being written, in a growable array reused from document to document, and
 * JSON's text as Moshi's {@code JsonUtf8Writer} writes it: strings with the same escapes (control characters as
 * {@code \\u00xx} or their short forms, {@code "} and {@code \\}, and U+2028 and U+2029), UTF-8 with {@code ?}
 * for an unpaired surrogate (as Okio writes it), integers in decimal and doubles as {@link Double#toString}. A
 * document longer than its limit stops with {@link TooLarge} as soon as it passes it, so a huge value costs no
 * more memory than the limit. Not thread-safe: one writer at a time.
 */
final class JsonBytes {
  /** Moshi's limit: a writer holds at most 256 scopes, the document's own included. */
  static final int MAX_DEPTH = 255;
  private static final int INITIAL_CAPACITY = 16 * 1024;
  /** A buffer grown past this by a large document is let go after it. */
  private static final int KEPT_CAPACITY = 256 * 1024;
  private static final byte[][] ESCAPES = new byte[128][];
  private static final byte[] LINE_SEPARATOR = bytesOf("\\u2028");
  private static final byte[] PARAGRAPH_SEPARATOR = bytesOf("\\u2029");
  private static final byte[] NULL = bytesOf("null");
  private static final byte[] TRUE = bytesOf("true");
  private static final byte[] FALSE = bytesOf("false");

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = bytesOf(String.format("\\u%04x", c));
    }
    ESCAPES['"'] = bytesOf("\\\"");
    ESCAPES['\\'] = bytesOf("\\\\");
    ESCAPES['\t'] = bytesOf("\\t");
    ESCAPES['\b'] = bytesOf("\\b");
    ESCAPES['\n'] = bytesOf("\\n");
    ESCAPES['\r'] = bytesOf("\\r");
    ESCAPES['\f'] = bytesOf("\\f");
  }

  private final int limit;
  private byte[] bytes = new byte[INITIAL_CAPACITY];
  private int size;

  /** A buffer for documents of at most {@code limit} bytes. */
  JsonBytes(int limit) {
    this.limit = limit;
  }

  /** Starts a new document. */
  void reset() {
    if (bytes.length > KEPT_CAPACITY) {
      bytes = new byte[INITIAL_CAPACITY];
    }
    size = 0;
  }

  /** The number of bytes written so far. */
  int size() {
    return size;
  }

  /** A copy of the bytes written so far. */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** A copy of the bytes written from {@code start} on. */
  byte[] copyFrom(int start) {
    return Arrays.copyOfRange(bytes, start, size);
  }

  void write(byte b) {
    if (size == bytes.length) {
      grow(1);
    }
    bytes[size++] = b;
  }

  void write(byte[] source) {
    write(source, 0, source.length);
  }

  void write(byte[] source, int offset, int length) {
    if (length > bytes.length - size) {
      grow(length);
    }
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void nullValue() {
    write(NULL);
  }

  void value(boolean value) {
    write(value ? TRUE : FALSE);
  }

  void value(long value) {
    if (value < 0 || value > 999_999_999_999_999_999L) {
      ascii(Long.toString(value));
      return;
    }
    if (20 > bytes.length - size) {
      grow(20);
    }
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    int at = size + digits;
    size = at;
    long rest = value;
    do {
      bytes[--at] = (byte) ('0' + (int) (rest % 10));
      rest /= 10;
    } while (rest != 0);
  }

  /** A double as Moshi writes it; NaN and infinities are refused as Moshi refuses them. */
  void value(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("Numeric values must be finite, but was " + value);
    }
    ascii(Double.toString(value));
  }

  /** Characters known to be ASCII that need no escape (digits, literals, prepared names). */
  void ascii(String text) {
    int length = text.length();
    if (length > bytes.length - size) {
      grow(length);
    }
    for (int i = 0; i < length; i++) {
      bytes[size + i] = (byte) text.charAt(i);
    }
    size += length;
  }

  /** A JSON string: quoted, escaped and in UTF-8, byte for byte as Moshi writes it. */
  void string(String value) {
    int length = value.length();
    if (length + 2 > bytes.length - size) {
      grow(length + 2);
    }
    byte[] out = bytes;
    int at = size;
    out[at++] = '"';
    int i = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        break;
      }
      out[at++] = (byte) c;
    }
    size = at;
    if (i < length) {
      rest(value, i);
    }
    write((byte) '"');
  }

  /** The rest of a string from the first character that is not plain ASCII. */
  private void rest(String value, int from) {
    int length = value.length();
    for (int i = from; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        byte[] escape = ESCAPES[c];
        if (escape != null) {
          write(escape);
        } else {
          write((byte) c);
        }
      } else if (c < 0x800) {
        ensure(2);
        bytes[size++] = (byte) (0xc0 | c >> 6);
        bytes[size++] = (byte) (0x80 | c & 0x3f);
      } else if (c == '\u2028') {
        write(LINE_SEPARATOR);
      } else if (c == '\u2029') {
        write(PARAGRAPH_SEPARATOR);
      } else if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
        ensure(3);
        bytes[size++] = (byte) (0xe0 | c >> 12);
        bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
        bytes[size++] = (byte) (0x80 | c & 0x3f);
      } else {
        char low = i + 1 < length ? value.charAt(i + 1) : 0;
        if (c > Character.MAX_HIGH_SURROGATE || !Character.isLowSurrogate(low)) {
          write((byte) '?');
        } else {
          int codePoint = Character.toCodePoint(c, low);
          ensure(4);
          bytes[size++] = (byte) (0xf0 | codePoint >> 18);
          bytes[size++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
          bytes[size++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
          bytes[size++] = (byte) (0x80 | codePoint & 0x3f);
          i++;
        }
      }
    }
  }

  private void ensure(int more) {
    if (more > bytes.length - size) {
      grow(more);
    }
  }

  private void grow(int more) {
    long needed = (long) size + more;
    if (needed > limit) {
      throw TooLarge.INSTANCE;
    }
    int capacity = (int) Math.min(limit, Math.max(needed, (long) bytes.length * 2));
    bytes = Arrays.copyOf(bytes, capacity);
  }

  /** Checks the depth of a container about to open. */
  static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("Nesting too deep (" + depth + " levels): circular reference?");
    }
  }

  static byte[] bytesOf(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The document passed its limit; thrown without a stack trace, as it says nothing a trace would add. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final TooLarge INSTANCE = new TooLarge();

    private TooLarge() {
      super("the JSON passed its size limit", null, false, false);
    }
  }
}
