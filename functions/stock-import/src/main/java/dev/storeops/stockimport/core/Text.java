package dev.storeops.stockimport.core;

import java.util.Locale;

/** Text normalisation for header and keyword matching. */
public final class Text {
  private Text() {}

  /** Lower case, NBSP and other spaces folded to one space, trimmed, ё → е, trailing ':' or '*' dropped. */
  public static String normalize(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(ch == 'ё' || ch == 'Ё' ? 'е' : Character.toLowerCase(ch));
    }
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ':' || out.charAt(end - 1) == '*' || out.charAt(end - 1) == ' ')) {
      end--;
    }
    return out.substring(0, end).toLowerCase(Locale.ROOT);
  }

  public static boolean isBlank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        return false;
      }
    }
    return true;
  }
}
