package dev.storeops.orderevents;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.storeops.catalog.Money;
import dev.storeops.fulfilment.invoices.Invoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws an {@link Invoice} as a one-page A4 PDF (Apache PDFBox) with DejaVu Sans embedded as a subset
 * (Cyrillic; the font's licence is in {@code resources/fonts/LICENSE-DejaVu.txt}) and the GOST payment QR
 * code (ZXing) drawn as vector squares, so any banking app scans it from screen or paper.
 */
final class InvoicePdf {
  private static final float MARGIN = 50;

  private InvoicePdf() {}

  static byte[] render(Invoice inv) {
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Счёт на оплату № " + inv.number());
      info.setProducer("storeops");
      PDType0Font regular = font(doc, "/fonts/DejaVuSans.ttf");
      PDType0Font bold = font(doc, "/fonts/DejaVuSans-Bold.ttf");
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      float width = PDRectangle.A4.getWidth();
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        float y = PDRectangle.A4.getHeight() - MARGIN;
        var shop = inv.shop();
        y = text(c, regular, 9, MARGIN, y, "Банк получателя: " + shop.bankName());
        y = text(c, regular, 9, MARGIN, y, "БИК " + shop.bic() + "    Корр. счёт № " + shop.correspondentAccount());
        y = text(c, regular, 9, MARGIN, y, "ИНН " + shop.inn() + (shop.kpp().isBlank() ? "" : "    КПП " + shop.kpp())
            + "    Счёт № " + shop.account());
        y = text(c, regular, 9, MARGIN, y, "Получатель: " + shop.name());
        y -= 14;
        y = text(c, bold, 15, MARGIN, y, "Счёт на оплату № " + inv.number() + " от " + inv.dateText());
        y -= 6;
        y = text(c, regular, 10, MARGIN, y, "Поставщик: " + shop.name() + ", ИНН " + shop.inn()
            + (shop.address().isBlank() ? "" : ", " + shop.address()));
        y = text(c, regular, 10, MARGIN, y, "Покупатель: " + inv.buyer());
        y -= 10;
        float[] cols = {MARGIN, MARGIN + 25, MARGIN + 300, MARGIN + 350, MARGIN + 425};
        y = row(c, bold, y, cols, "№", "Товары (работы, услуги)", "Кол-во", "Цена", "Сумма");
        int n = 1;
        for (Invoice.Line l : inv.lines()) {
          y = row(c, regular, y, cols, Integer.toString(n++), cut(l.name(), 48), Integer.toString(l.qty()),
              Money.rub(l.unitPriceMinor()), Money.rub(l.totalMinor()));
        }
        y -= 6;
        y = text(c, bold, 11, cols[3], y, "Итого: " + Money.rub(inv.totalMinor()));
        y = text(c, regular, 10, cols[3], y, inv.vatText());
        y = text(c, bold, 11, cols[3], y, "Всего к оплате: " + Money.rub(inv.totalMinor()));
        y -= 10;
        y = text(c, regular, 10, MARGIN, y, "Назначение платежа: " + inv.purpose());
        y -= 10;
        float size = 150;
        qr(c, inv.qrPayload(), MARGIN, y - size, size);
        text(c, regular, 9, MARGIN + size + 15, y - 20, "Оплата по QR-коду:");
        text(c, regular, 9, MARGIN + size + 15, y - 33, "отсканируйте код в приложении банка —");
        text(c, regular, 9, MARGIN + size + 15, y - 46, "реквизиты и сумма заполнятся сами.");
        c.moveTo(MARGIN, MARGIN);
        c.lineTo(width - MARGIN, MARGIN);
        c.stroke();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDType0Font font(PDDocument doc, String resource) throws IOException {
    try (InputStream in = InvoicePdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("font missing from the jar: " + resource);
      }
      return PDType0Font.load(doc, in, true);
    }
  }

  private static float text(PDPageContentStream c, PDType0Font font, float size, float x, float y, String s)
      throws IOException {
    c.beginText();
    c.setFont(font, size);
    c.newLineAtOffset(x, y);
    c.showText(s);
    c.endText();
    return y - size * 1.45f;
  }

  private static float row(PDPageContentStream c, PDType0Font font, float y, float[] cols, String... cells)
      throws IOException {
    for (int i = 0; i < cells.length; i++) {
      text(c, font, 9, cols[i], y, cells[i]);
    }
    c.moveTo(cols[0], y - 4);
    c.lineTo(cols[cols.length - 1] + 70, y - 4);
    c.stroke();
    return y - 16;
  }

  /** The QR code as filled squares (quiet zone of 4 modules included in {@code size}). */
  private static void qr(PDPageContentStream c, String payload, float x, float y, float size) throws IOException {
    BitMatrix m;
    try {
      m = new QRCodeWriter().encode(payload, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.MARGIN, 4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("payment QR payload too long", e);
    }
    float module = size / m.getWidth();
    for (int row = 0; row < m.getHeight(); row++) {
      for (int col = 0; col < m.getWidth(); col++) {
        if (m.get(col, row)) {
          c.addRect(x + col * module, y + size - (row + 1) * module, module, module);
        }
      }
    }
    c.fill();
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
