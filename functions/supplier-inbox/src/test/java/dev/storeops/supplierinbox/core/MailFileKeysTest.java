package dev.storeops.supplierinbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.suppliers.IncomingKeys;
import org.junit.jupiter.api.Test;

/** A mail's files are named after the message: the same message gives the same keys. */
class MailFileKeysTest {
  private static final String ID = "<1c-20261130-0915-0001@chaynaya-lavka.example>";

  @Test
  void theSameMessageGivesTheSameKeyARepeatedNameItsNumber() {
    String first = IncomingKeys.mailFile("chaynaya-lavka", ID, "остатки 30.11.csv", 1);
    assertEquals(first, IncomingKeys.mailFile("chaynaya-lavka", ID, "остатки 30.11.csv", 1));
    assertTrue(first.matches("incoming/chaynaya-lavka/mail-[0-9a-f]{12}-остатки 30\\.11\\.csv"), first);
    assertEquals(first.replace(".csv", "-2.csv"), IncomingKeys.mailFile("chaynaya-lavka", ID, "остатки 30.11.csv", 2));
    assertTrue(!first.equals(IncomingKeys.mailFile("chaynaya-lavka", "<other@x>", "остатки 30.11.csv", 1)));
  }

  @Test
  void namesAreMadeSafeForAKey() {
    assertEquals("a_b_c.csv", IncomingKeys.safeName("a/b\\c.csv"));
    assertEquals("tab_name.xlsx", IncomingKeys.safeName("tab\tname.xlsx"));
    assertEquals("file", IncomingKeys.safeName(".."));
    String longName = "x".repeat(300) + ".xlsx";
    String safe = IncomingKeys.safeName(longName);
    assertEquals(120, safe.length());
    assertTrue(safe.endsWith(".xlsx"));
  }
}
