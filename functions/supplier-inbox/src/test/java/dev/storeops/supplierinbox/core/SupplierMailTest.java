package dev.storeops.supplierinbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The raw messages of events/supplier-inbox/ as SES stores them, read with mime4j. */
class SupplierMailTest {

  static byte[] fixture(String name) {
    try (InputStream in = SupplierMailTest.class.getClassLoader().getResourceAsStream("events/supplier-inbox/" + name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("fixture " + name, e);
    }
  }

  @Test
  void aSuppliersMailGivesItsSenderAndTheAttachmentWithItsRussianName() {
    SupplierMail mail = SupplierMail.parse(new ByteArrayInputStream(fixture("supplier-mail.eml")));
    assertEquals("Sklad@Chaynaya-Lavka.example", mail.from());
    assertEquals("<1c-20261130-0915-0001@chaynaya-lavka.example>", mail.messageId());
    assertEquals("Остатки на 30.11", mail.subject());
    assertEquals("PASS", mail.virusVerdict());
    assertEquals(2, mail.parts().size(), "the CSV and the inline logo; the text body is not a part");
    SupplierMail.Part csv = mail.parts().get(0);
    assertEquals("остатки 30.11.csv", csv.fileName(), "RFC 2231 filename* decoded");
    assertEquals("text/csv", csv.contentType());
    String text = new String(csv.content(), Charset.forName("windows-1251"));
    assertTrue(text.startsWith("Остатки на 30.11.2026\r\nАртикул;Наименование;Остаток\r\nMAIL-TEA-1;"), text);
    assertEquals("logo.png", mail.parts().get(1).fileName());
  }

  @Test
  void anRfc2047EncodedNameIsDecodedToo() {
    SupplierMail mail = SupplierMail.parse(new ByteArrayInputStream(fixture("no-attachment.eml")));
    assertEquals(List.of("прайс.pdf"), mail.parts().stream().map(SupplierMail.Part::fileName).toList());
  }

  @Test
  void somethingThatIsNoMailIsRefusedWithAReason() {
    BadMailException e = assertThrows(BadMailException.class,
        () -> SupplierMail.parse(new ByteArrayInputStream("\r\n\r\njust text".getBytes(StandardCharsets.US_ASCII))));
    assertTrue(e.getMessage().contains("not an e-mail message"), e.getMessage());
  }
}
