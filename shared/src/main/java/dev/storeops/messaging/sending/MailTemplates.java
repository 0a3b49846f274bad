package dev.storeops.messaging.sending;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mail templates kept in the repo ({@code src/main/resources/mail-templates}), compiled once per
 * container. One UTF-8 file per template and locale, {@code <name>.<locale>.mustache}, holding three
 * Mustache parts after the marker lines {@code ==== subject ====}, {@code ==== text ====} and {@code
 * ==== html ====}. The parts are wrapped in {@code _layout.<locale>.mustache} (footer, unsubscribe
 * link). A missing variable fails the whole render: no mail is ever sent half-rendered.
 */
public final class MailTemplates {
  /** Every template the sender knows; all are compiled at construction (cold start / snapshot). */
  public static final List<String> NAMES = List.of("order-confirmation", "manager-new-order", "welcome",
      "birthday", "stock-import-alert", "payment-reminder", "order-cancelled", "review-request",
      "abandoned-cart", "reorder-reminder", "reactivation", "campaign", "expiring-stock", "purchase-list",
      "order-unassigned", "task-overdue", "consent-confirmation", "invoice",
      "order-shipped", "ready-for-pickup", "order-delivered", "refund-made", "task-assigned");
  public static final Set<String> LOCALES = Set.of("ru", "en");
  private static final String ROOT = "mail-templates/";
  private static final Mustache.Compiler PLAIN = Mustache.compiler().escapeHTML(false);
  /** HTML escaping of the five significant characters (jmustache's default also escapes '=' and '`', which mangles URLs). */
  private static final Mustache.Compiler HTML = Mustache.compiler().withEscaper(Escapers.simple(new String[][] {
      {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}}));

  private record Compiled(Template subject, Template text, Template html) {}

  private final Map<String, Compiled> templates = new HashMap<>();
  private final Map<String, Compiled> layouts = new HashMap<>();

  public MailTemplates() {
    this(NAMES);
  }

  public MailTemplates(List<String> names) {
    for (String locale : LOCALES) {
      layouts.put(locale, compile("_layout", locale));
      for (String name : names) {
        templates.put(name + "." + locale, compile(name, locale));
      }
    }
  }

  public boolean exists(String name, String locale) {
    return templates.containsKey(name + "." + locale);
  }

  /** Renders {@code name} in {@code locale}; {@link TemplateException} for an unknown template or a missing variable. */
  public RenderedMail render(String name, String locale, Map<String, Object> model) {
    Compiled t = templates.get(name + "." + locale);
    Compiled layout = layouts.get(locale);
    if (t == null || layout == null) {
      throw new TemplateException("no mail template '" + name + "' in locale '" + locale + "'", null);
    }
    try {
      String subject = t.subject().execute(model).strip().replaceAll("\\s*\\R\\s*", " ");
      Map<String, Object> outer = new HashMap<>(model);
      outer.put("subject", subject);
      outer.put("content", t.text().execute(model).strip());
      String text = layout.text().execute(outer).strip() + "\n";
      outer.put("content", t.html().execute(model).strip());
      String html = layout.html().execute(outer).strip() + "\n";
      if (subject.isBlank()) {
        throw new TemplateException("template '" + name + "' (" + locale + ") renders an empty subject", null);
      }
      return new RenderedMail(subject, text, html);
    } catch (MustacheException e) {
      throw new TemplateException("template '" + name + "' (" + locale + "): " + e.getMessage(), e);
    }
  }

  private static Compiled compile(String name, String locale) {
    String path = ROOT + name + "." + locale + ".mustache";
    String source;
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("mail template " + path + " is not on the classpath");
      }
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> parts = split(path, source);
    try {
      return new Compiled(PLAIN.compile(parts.get("subject")), PLAIN.compile(parts.get("text")),
          HTML.compile(parts.get("html")));
    } catch (MustacheException e) {
      throw new IllegalStateException("mail template " + path + " does not compile: " + e.getMessage(), e);
    }
  }

  static Map<String, String> split(String path, String source) {
    Map<String, StringBuilder> parts = new LinkedHashMap<>();
    StringBuilder current = null;
    for (String line : source.split("\\R", -1)) {
      String marker = line.strip();
      if (marker.startsWith("====") && marker.endsWith("====") && marker.length() > 8) {
        String part = marker.substring(4, marker.length() - 4).strip();
        if (!Set.of("subject", "text", "html").contains(part) || parts.containsKey(part)) {
          throw new IllegalStateException(path + ": unexpected part marker " + marker);
        }
        current = new StringBuilder();
        parts.put(part, current);
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    Map<String, String> out = new HashMap<>();
    for (String p : List.of("subject", "text", "html")) {
      if (!parts.containsKey(p)) {
        throw new IllegalStateException(path + ": the part '==== " + p + " ====' is missing");
      }
      out.put(p, parts.get(p).toString());
    }
    return out;
  }
}
