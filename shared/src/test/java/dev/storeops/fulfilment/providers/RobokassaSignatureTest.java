package dev.storeops.fulfilment.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Robokassa's documented signature bases, checked against hashes computed outside Java (Python hashlib). */
class RobokassaSignatureTest {
  @Test
  void thePaymentLinkSignsLoginSumEmptyInvIdPassword1AndTheShopParameters() {
    assertEquals("48bc62ba12a376b1307a58474d56ecfc", new RobokassaSignature(RobokassaSignature.Algorithm.MD5)
        .payment("demo-shop", "3790.00", null, "pass-one", Map.of("Shp_order", "ord_1")));
  }

  @Test
  void theResultSignatureTakesTheShopParametersInAlphabeticalOrderAndAnyCase() {
    Map<String, String> shp = new LinkedHashMap<>();
    shp.put("Shp_order", "ord_1");
    shp.put("Shp_a", "1");
    RobokassaSignature sha512 = new RobokassaSignature(RobokassaSignature.Algorithm.parse("sha-512"));
    String expected = "256b4bf5e1931472bc19bcfd51324ef9853742b932567a979921644c6a254caf9d484915429bbd8ec5d261bc69faa7ed"
        + "8049203c299f46b8a39cce1258f5eddd";
    assertEquals(expected, sha512.result("3790.000000", "405", "pass-two", shp));
    assertTrue(sha512.resultValid("3790.000000", "405", "pass-two", shp, expected.toUpperCase()));
    assertFalse(sha512.resultValid("3790.00", "405", "pass-two", shp, expected), "OutSum exactly as sent");
    assertFalse(sha512.resultValid("3790.000000", "405", "pass-one", shp, expected));
    assertFalse(sha512.resultValid("3790.000000", "405", "pass-two", shp, null));
  }

  @Test
  void anUnknownAlgorithmFailsTheColdStart() {
    assertThrows(IllegalStateException.class, () -> RobokassaSignature.Algorithm.parse("CRC32"));
  }
}
