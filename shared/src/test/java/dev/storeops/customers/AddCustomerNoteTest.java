package dev.storeops.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.Invalid;
import org.junit.jupiter.api.Test;

/** The note's text rule: required, trimmed, at most 2000 characters, line breaks but no other control characters. */
class AddCustomerNoteTest {
  private static void refused(String text, String mentions) {
    Invalid e = assertThrows(Invalid.class, () -> AddCustomerNote.validText(text));
    assertEquals("text", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains(mentions), e.errors().get(0).message());
  }

  @Test
  void theTextIsTrimmedAndKeepsItsLineBreaks() {
    assertEquals("Звонить после 18:00\nпо будням", AddCustomerNote.validText("  Звонить после 18:00\nпо будням \n"));
  }

  @Test
  void twoThousandCharactersAreAcceptedAndOneMoreIsNot() {
    assertEquals(2000, AddCustomerNote.validText("ж".repeat(2000)).length());
    // counted in characters, not UTF-16 units: 2000 emoji are still 2000
    assertEquals(4000, AddCustomerNote.validText("📞".repeat(2000)).length());
    refused("ж".repeat(2001), "at most 2000");
  }

  @Test
  void anEmptyOrBlankOrMissingTextAndControlCharactersAreRefused() {
    refused(null, "required");
    refused("   \n ", "required");
    refused("звонок\u0000", "control");
    refused("\u001b[31mкрасный", "control");
  }
}
