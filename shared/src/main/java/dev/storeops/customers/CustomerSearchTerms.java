package dev.storeops.customers;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.Validation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a customer is found by staff: by phone (normalised as at registration: {@code 8 (916) 123-45-67}
 * and {@code +7 916 1234567} are the same number), by e-mail (exact, any case) or by the start of any
 * word of the name ({@code петр} finds "Анна Петрова", {@code анна п} too). A customer is filed under
 * its phone and under each of the first {@link #MAX_NAME_WORDS} words of its name; a name term's
 * partition is its first {@link #BUCKET_CHARS} characters, so a name search reads one key range.
 */
public final class CustomerSearchTerms {
  /** Name words a customer is filed under (a name "Мария Анна Петрова-Водкина" is found by each). */
  public static final int MAX_NAME_WORDS = 4;
  /** The shortest name query, and the length of a name term's partition key. */
  public static final int BUCKET_CHARS = 2;
  private static final int MAX_QUERY = 100;

  private CustomerSearchTerms() {}

  /** What a query looks for. */
  public enum Kind { PHONE, EMAIL, NAME }

  /** A parsed query: its kind and the normalised value looked up. */
  public record Query(Kind kind, String value) {
    /** The partition of a name query (its first {@link #BUCKET_CHARS} characters). */
    public String bucket() {
      return kind == Kind.NAME ? value.substring(0, BUCKET_CHARS) : value;
    }
  }

  /** One entry a customer is filed under: {@code kind}, the partition {@code bucket}, the sort text. */
  public record Term(Kind kind, String bucket, String text) {}

  /**
   * Reads a staff query: an {@code @} makes it an e-mail; 10 to 15 digits with only phone punctuation
   * (spaces, brackets, dashes, dots, a leading {@code +}) a phone; anything else a name prefix of at
   * least 2 letters.
   */
  public static Query query(String raw) {
    if (raw == null || raw.isBlank()) {
      throw Invalid.field("q", "is required: a phone, an e-mail or the start of a name (2 letters or more)");
    }
    String q = raw.strip();
    if (q.length() > MAX_QUERY) {
      throw Invalid.field("q", "must be at most " + MAX_QUERY + " characters");
    }
    if (q.contains("@")) {
      return new Query(Kind.EMAIL, Customer.emailKey(q));
    }
    if (q.matches("\\+?[\\d\\s()\\-.]+") && q.replaceAll("\\D", "").length() >= 10) {
      Validation v = new Validation();
      String phone = CustomerRules.validPhone(q, "q", v, true);
      v.throwIfInvalid();
      return new Query(Kind.PHONE, phone);
    }
    String name = normaliseName(q);
    if (name.length() < BUCKET_CHARS || name.charAt(1) == ' ') {
      throw Invalid.field("q", "a name search needs at least " + BUCKET_CHARS + " letters");
    }
    return new Query(Kind.NAME, name);
  }

  /** The entries a customer is filed under: its phone (if any) and each word-start of its name. */
  public static List<Term> of(Customer c) {
    List<Term> terms = new ArrayList<>();
    if (c.phone() != null && !c.phone().isBlank()) {
      terms.add(new Term(Kind.PHONE, c.phone(), c.phone()));
    }
    if (c.name() != null) {
      String[] words = normaliseName(c.name()).split(" ");
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < Math.min(words.length, MAX_NAME_WORDS); i++) {
        String text = String.join(" ", Arrays.copyOfRange(words, i, words.length));
        if (text.length() >= BUCKET_CHARS && text.charAt(1) != ' ' && seen.add(text)) {
          terms.add(new Term(Kind.NAME, text.substring(0, BUCKET_CHARS), text));
        }
      }
    }
    return terms;
  }

  /** Lower case, {@code ё} as {@code е}, accents off, anything but letters and digits a single space. */
  public static String normaliseName(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replace('ё', 'е');
    return s.replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
  }
}
