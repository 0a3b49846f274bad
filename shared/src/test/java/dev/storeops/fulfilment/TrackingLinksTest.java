package dev.storeops.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingLinksTest {
  @Test
  void knownCarriersGetTheirPublicTrackingPage() {
    assertEquals(Optional.of("https://www.cdek.ru/ru/tracking?order_id=1234567890"), TrackingLinks.link("CDEK", "1234567890"));
    assertEquals(Optional.of("https://www.cdek.ru/ru/tracking?order_id=1234567890"), TrackingLinks.link("СДЭК", " 1234567890 "));
    assertEquals(Optional.of("https://www.pochta.ru/tracking#80082274123456"),
        TrackingLinks.link("russian-post", "80082274123456"));
    assertEquals(Optional.of("https://www.pochta.ru/tracking#80082274123456"),
        TrackingLinks.link("Почта России", "80082274123456"));
  }

  @Test
  void boxberryLinksItsTrackingPageWithTheNumberInTheAddress() {
    // Boxberry's format XXXX-XXXX-XXXXBR (boxberry.ru: "Номера отправлений имеют формат")
    assertEquals(Optional.of("https://boxberry.ru/tracking-page?id=0123-4567-8901BR"),
        TrackingLinks.link("Boxberry", "0123-4567-8901BR"));
    assertEquals(Optional.of("https://boxberry.ru/tracking-page?id=BB123"), TrackingLinks.link("боксберри", "BB123"));
  }

  @Test
  void dpdLinksItsTrackingFormWithoutTheNumberWhichItCannotTakeInTheAddress() {
    assertEquals(Optional.of("https://www.dpd.ru/ols/trace2/standard.do2"), TrackingLinks.link("DPD", "RU012345678"));
    assertEquals(Optional.of("https://www.dpd.ru/ols/trace2/standard.do2"), TrackingLinks.link("DPD Russia", "RU012345678"));
    assertEquals(Optional.of("https://www.dpd.ru/ols/trace2/standard.do2"), TrackingLinks.link("ДПД", "RU012345678"));
    assertEquals(Optional.empty(), TrackingLinks.link("DPD", " "), "no number, no notice link");
  }

  @Test
  void theTrackingNumberIsEncodedIntoTheLink() {
    assertEquals(Optional.of("https://www.cdek.ru/ru/tracking?order_id=12+34%2656"), TrackingLinks.link("cdek", "12 34&56"));
  }

  @Test
  void anUnknownCarrierGetsNoLink() {
    assertEquals(Optional.empty(), TrackingLinks.link("shop", "1"));
    assertEquals(Optional.empty(), TrackingLinks.link("Деловые линии", "1"));
    assertEquals(Optional.empty(), TrackingLinks.link("CDEK", " "));
  }
}
