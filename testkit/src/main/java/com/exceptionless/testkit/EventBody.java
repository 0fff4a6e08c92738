package com.exceptionless.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes an event POST body: checks the content type, undoes gzip/deflate (up to ten times the post limit) and
 * turns a JSON object, a JSON array or plain-text lines into events, like the server's parser plugins; stateless.
 */
final class EventBody {
  private EventBody() {
  }

  /** Returns whether the Content-Type is application/json or text/plain (parameters such as charset allowed). */
  static boolean isSupportedContentType(String contentType) {
    String mediaType = mediaType(contentType);
    return mediaType.equals("application/json") || mediaType.equals("text/plain");
  }

  /** Returns the charset parameter of the Content-Type, or UTF-8. */
  static Charset charset(String contentType) {
    if (contentType != null) {
      for (String parameter : contentType.split(";")) {
        String[] pair = parameter.trim().split("=", 2);
        if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
          try {
            return Charset.forName(pair[1].trim().replace("\"", ""));
          } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Undoes the Content-Encoding (gzip, deflate in zlib or raw form, identity); returns null when the decoded
   * body would exceed maxDecodedBytes; throws IOException when the data is corrupt or the encoding unknown.
   */
  static byte[] decode(byte[] raw, String contentEncoding, int maxDecodedBytes) throws IOException {
    String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    if (encoding.isEmpty() || encoding.equals("identity")) {
      return raw;
    }
    if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
      return readLimited(new GZIPInputStream(new ByteArrayInputStream(raw)), maxDecodedBytes);
    }
    if (encoding.equals("deflate")) {
      try {
        return readLimited(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(false)),
            maxDecodedBytes);
      } catch (IOException zlibFailed) {
        return readLimited(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)),
            maxDecodedBytes);
      }
    }
    throw new IOException("Unsupported Content-Encoding: " + contentEncoding);
  }

  /** Parses the decoded text into event objects; malformed JSON yields no events, as the server drops it. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parseEvents(String text) {
    List<Map<String, Object>> events = new ArrayList<Map<String, Object>>();
    String trimmed = text.startsWith("\uFEFF") ? text.substring(1).trim() : text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      Object parsed;
      try {
        parsed = Json.parse(trimmed);
      } catch (IllegalArgumentException malformed) {
        return events;
      }
      List<Object> items = parsed instanceof List ? (List<Object>) parsed : Collections.singletonList(parsed);
      for (Object item : items) {
        if (item instanceof Map) {
          events.add((Map<String, Object>) item);
        }
      }
      return events;
    }
    for (String line : trimmed.split("\r\n|\r|\n")) {
      if (!line.trim().isEmpty()) {
        Map<String, Object> event = new LinkedHashMap<String, Object>();
        event.put("type", "log");
        event.put("message", line);
        events.add(Collections.unmodifiableMap(event));
      }
    }
    return events;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static byte[] readLimited(InputStream in, int maxBytes) throws IOException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        if (out.size() > maxBytes) {
          return null;
        }
      }
      return out.toByteArray();
    } finally {
      in.close();
    }
  }
}
