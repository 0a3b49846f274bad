package dev.storeops.supplierinbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.suppliers.SupplierContact;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The e-mail intake's rules: sender → supplier, which attachments are stock files, which mail is trusted. */
class IntakeRulesTest {
  private static final List<SupplierContact> SUPPLIERS = List.of(
      new SupplierContact("chaynaya-lavka", List.of("sklad@chaynaya-lavka.example"), null),
      new SupplierContact("posuda-spb", List.of("opt@posuda.example", "shared@both.example"), null),
      new SupplierContact("third", List.of("Shared@Both.example"), null));

  @Test
  void theSenderFindsItsSupplierWholeAddressAnyCase() {
    assertEquals(Optional.of("chaynaya-lavka"), SupplierBySender.find("Sklad@Chaynaya-Lavka.EXAMPLE", SUPPLIERS).supplierId());
    assertEquals(Optional.of("posuda-spb"), SupplierBySender.find("<opt@posuda.example>", SUPPLIERS).supplierId());
  }

  @Test
  void anUnknownAPartialOrASharedAddressFindsNone() {
    SupplierBySender.Match unknown = SupplierBySender.find("prices@unknown-shop.example", SUPPLIERS);
    assertTrue(unknown.supplierId().isEmpty());
    assertEquals("unknown sender prices@unknown-shop.example: no supplier profile lists it in senders", unknown.reason());
    assertTrue(SupplierBySender.find("sklad@chaynaya-lavka.example.evil", SUPPLIERS).supplierId().isEmpty());
    assertTrue(SupplierBySender.find("other@chaynaya-lavka.example", SUPPLIERS).supplierId().isEmpty());
    SupplierBySender.Match shared = SupplierBySender.find("shared@both.example", SUPPLIERS);
    assertTrue(shared.supplierId().isEmpty());
    assertEquals("sender shared@both.example is listed by several suppliers: posuda-spb, third", shared.reason());
    assertEquals("the message has no sender address (From)", SupplierBySender.find(null, SUPPLIERS).reason());
  }

  @Test
  void spreadsheetsAreTakenByNameOrContentTypeOthersAreNamed() {
    byte[] some = {1};
    List<SpreadsheetAttachments.Verdict> v = SpreadsheetAttachments.judge(List.of(
        new SupplierMail.Part("Остатки.XLSX", "application/octet-stream", some),
        new SupplierMail.Part("остатки.xls", "application/vnd.ms-excel", some),
        new SupplierMail.Part(null, "text/csv", some),
        new SupplierMail.Part("price", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", some),
        new SupplierMail.Part("logo.png", "image/png", some),
        new SupplierMail.Part("пусто.csv", "text/csv", new byte[0])));
    assertEquals(List.of(true, true, true, true, false, false), v.stream().map(SpreadsheetAttachments.Verdict::taken).toList());
    assertEquals(List.of("Остатки.XLSX", "остатки.xls", "attachment.csv", "price.xlsx"),
        v.stream().filter(SpreadsheetAttachments.Verdict::taken).map(SpreadsheetAttachments.Verdict::fileName).toList());
    assertEquals("not a spreadsheet (logo.png, image/png): only .csv, .xlsx and .xls are imported", v.get(4).notTakenBecause());
    assertEquals("the attachment is empty (0 bytes)", v.get(5).notTakenBecause());
  }

  @Test
  void mailFailingSesChecksIsNotTrustedUnjudgedMailIs() {
    assertEquals(Optional.empty(), SenderAuthenticity.distrust(parse("supplier-mail.eml")));
    assertEquals(Optional.of("sender not authenticated: DMARC fail"), SenderAuthenticity.distrust(parse("forged-sender.eml")));
    SupplierMail virus = new SupplierMail("a@b.example", null, null, List.of(), "PASS", "FAIL", List.of());
    assertEquals(Optional.of("SES virus scan: FAIL"), SenderAuthenticity.distrust(virus));
    SupplierMail noAuth = new SupplierMail("a@b.example", null, null,
        List.of("amazonses.com;\r\n spf=softfail smtp.mailfrom=a@b.example;\r\n dkim=none;"), "PASS", "PASS", List.of());
    assertEquals(Optional.of("sender not authenticated: neither SPF nor DKIM passed"), SenderAuthenticity.distrust(noAuth));
    SupplierMail local = new SupplierMail("a@b.example", null, null, List.of(), null, null, List.of());
    assertFalse(SenderAuthenticity.distrust(local).isPresent());
  }

  private static SupplierMail parse(String fixture) {
    return SupplierMail.parse(new ByteArrayInputStream(SupplierMailTest.fixture(fixture)));
  }
}
