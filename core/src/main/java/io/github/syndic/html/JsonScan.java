package io.github.syndic.html;

/**
 * Finds string values of named keys in JSON text without parsing it whole: enough for the few
 * JSON-LD fields a page's metadata needs, and robust to the broken JSON pages carry (it never
 * throws, it finds nothing).
 *
 * <p>Stateless and thread-safe.
 */
final class JsonScan {
  private JsonScan() {}

  /**
   * The offset of the first char of the value of the first {@code "key":} at or after {@code
   * from}, or -1.
   */
  static int keyValueStart(String json, String key, int from) {
    String quoted = '"' + key + '"';
    int i = from;
    while (true) {
      int k = json.indexOf(quoted, i);
      if (k < 0) {
        return -1;
      }
      int j = k + quoted.length();
      while (j < json.length() && Character.isWhitespace(json.charAt(j))) {
        j++;
      }
      if (j < json.length() && json.charAt(j) == ':') {
        j++;
        while (j < json.length() && Character.isWhitespace(json.charAt(j))) {
          j++;
        }
        return j < json.length() ? j : -1;
      }
      i = k + 1;
    }
  }

  /**
   * The string value of the first {@code "key":} at or after {@code from} whose value is a
   * string (escapes decoded), or null. A key whose value is an array of strings gives the first.
   */
  static String string(String json, String key, int from) {
    int i = from;
    while (true) {
      int v = keyValueStart(json, key, i);
      if (v < 0) {
        return null;
      }
      if (json.charAt(v) == '[') {
        v++;
        while (v < json.length() && Character.isWhitespace(json.charAt(v))) {
          v++;
        }
      }
      if (v < json.length() && json.charAt(v) == '"') {
        return decode(json, v + 1);
      }
      i = v;
    }
  }

  private static String decode(String json, int start) {
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\' && i + 1 < json.length()) {
        char e = json.charAt(++i);
        switch (e) {
          case 'n', 'r', 't' -> sb.append(' ');
          case 'u' -> {
            if (i + 4 < json.length()) {
              try {
                sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
              } catch (NumberFormatException x) {
                return null;
              }
              i += 4;
            }
          }
          default -> sb.append(e);
        }
      } else {
        sb.append(c);
      }
      if (sb.length() > HtmlMetadata.MAX_VALUE_CHARS) {
        return sb.toString();
      }
    }
    return null;
  }
}
