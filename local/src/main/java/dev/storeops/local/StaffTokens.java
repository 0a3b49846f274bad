package dev.storeops.local;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.storeops.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Local mode's stand-in for the Cognito user pool behind the {@code StaffJwt} authorizer: HS256 JWTs
 * signed with a key kept in {@code .local/}. The HTTP gateway verifies them like API Gateway's JWT
 * authorizer (signature, issuer, audience, expiry) and hands the claims to the function.
 */
public final class StaffTokens {
  public static final String ISSUER = "storeops-local";
  public static final String AUDIENCE = "storeops-staff-console";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;
  private final Clock clock;

  public StaffTokens(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the signing key needs at least 32 bytes");
    }
    this.key = key.clone();
    this.clock = clock;
  }

  /** Why a token was refused. */
  public static final class InvalidToken extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidToken(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * A token for staff member {@code staffId} (the {@code sub} claim) in the user-pool groups {@code
   * groups} (the {@code cognito:groups} claim, a JSON array as Cognito writes it), valid for {@code validity}.
   */
  public String mint(String staffId, List<String> groups, Duration validity) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", staffId);
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("token_use", "id");
    claims.put("cognito:groups", List.copyOf(groups));
    claims.put("iat", now);
    claims.put("exp", now + validity.toSeconds());
    String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + B64.encodeToString(sign(header + "." + payload));
  }

  /**
   * The claims of a valid token, as API Gateway passes them: every value a string, an array such as
   * {@code cognito:groups} as {@code [owner manager]} (brackets, space-separated).
   */
  public Map<String, String> verify(String token) throws InvalidToken {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidToken("not a JWT");
    }
    Map<String, Object> header;
    Map<String, Object> claims;
    try {
      header = Json.mapper().readValue(B64D.decode(parts[0]), new TypeReference<Map<String, Object>>() {});
      claims = Json.mapper().readValue(B64D.decode(parts[1]), new TypeReference<Map<String, Object>>() {});
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new InvalidToken("the token is not readable");
    }
    if (!"HS256".equals(header.get("alg"))) {
      throw new InvalidToken("unsupported algorithm " + header.get("alg"));
    }
    byte[] signature;
    try {
      signature = B64D.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidToken("the signature is not readable");
    }
    if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
      throw new InvalidToken("bad signature");
    }
    if (!ISSUER.equals(claims.get("iss"))) {
      throw new InvalidToken("wrong issuer");
    }
    Object aud = claims.get("aud");
    if (!(AUDIENCE.equals(aud) || aud instanceof List<?> l && l.contains(AUDIENCE))) {
      throw new InvalidToken("wrong audience");
    }
    long now = clock.instant().getEpochSecond();
    if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now) {
      throw new InvalidToken("expired");
    }
    if (claims.get("nbf") instanceof Number nbf && nbf.longValue() > now) {
      throw new InvalidToken("not valid yet");
    }
    if (!(claims.get("sub") instanceof String sub) || sub.isBlank()) {
      throw new InvalidToken("no subject");
    }
    Map<String, String> out = new LinkedHashMap<>();
    claims.forEach((k, v) -> out.put(k, v instanceof List<?> list
        ? "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]" : String.valueOf(v)));
    return out;
  }

  private byte[] sign(String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
