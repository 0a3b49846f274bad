package dev.storeops.console;

import dev.storeops.platform.config.Env;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the HTML shell tells the browser: how staff sign in ({@code cognito}: the user pool's hosted UI
 * with authorization code + PKCE; {@code local}: local mode's sign-in page), the hosted UI's domain,
 * the app client id, and the default language. Nothing secret: the app client has no secret.
 */
record ConsoleSettings(String signIn, String cognitoDomain, String cognitoClientId, String defaultLocale,
    String uploadOrigins) {
  ConsoleSettings(String signIn, String cognitoDomain, String cognitoClientId, String defaultLocale) {
    this(signIn, cognitoDomain, cognitoClientId, defaultLocale, "");
  }

  /**
   * Where the browser may PUT supplier files (presigned S3 uploads, Stock page): {@code UPLOAD_ORIGINS}
   * (the supplier bucket's S3 origins, template.yaml) and, against an emulator, the S3 endpoint's origin.
   */
  static String uploadOrigins(Env env) {
    StringBuilder origins = new StringBuilder(env.optional("UPLOAD_ORIGINS", "").strip());
    String endpoint = env.aws("AWS_ENDPOINT_URL_S3");
    if (endpoint != null && !endpoint.isBlank()) {
      java.net.URI uri = java.net.URI.create(endpoint.strip());
      origins.append(origins.isEmpty() ? "" : " ").append(uri.getScheme()).append("://").append(uri.getAuthority());
    }
    return origins.toString();
  }

  static ConsoleSettings from(Env env) {
    String signIn = env.optional("CONSOLE_SIGN_IN", "cognito").strip().toLowerCase(Locale.ROOT);
    if (!signIn.equals("cognito") && !signIn.equals("local")) {
      throw new IllegalStateException("CONSOLE_SIGN_IN must be cognito or local, not " + signIn);
    }
    return new ConsoleSettings(signIn, env.optional("COGNITO_DOMAIN", "").strip(),
        env.optional("COGNITO_CLIENT_ID", "").strip(), env.optional("DEFAULT_LOCALE", "ru").strip(), uploadOrigins(env));
  }

  Map<String, String> forBrowser() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("signIn", signIn);
    if (signIn.equals("cognito") && !cognitoDomain.isEmpty() && !cognitoClientId.isEmpty()) {
      m.put("cognitoDomain", cognitoDomain);
      m.put("cognitoClientId", cognitoClientId);
    }
    m.put("defaultLocale", defaultLocale.equals("en") ? "en" : "ru");
    return m;
  }
}
