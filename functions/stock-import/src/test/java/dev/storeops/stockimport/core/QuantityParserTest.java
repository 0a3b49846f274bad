package dev.storeops.stockimport.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityParserTest {
  private final QuantityParser parser = new QuantityParser(Map.of("много", 50L, "нет", 0L, "мало", 3L));

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = '|', value = {
      "15|15", "15.0|15", "0|0", "1 234|1234", "1\u00A0234|1234", "1\u202F234|1234", "12 345 678|12345678",
      "12,5|12", "12.99|12", "0,5|0", "5 шт|5", "5шт|5", "5 шт.|5", "7 pcs|7", "1 234,7 шт.|1234",
      "> 10|10", ">10|10", "более 10|10", "Более 10|10", "больше 10|10", "от 10|10", "от 10 шт|10",
      "много|50", "МНОГО|50", " нет |0", "мало шт|3", "  42  |42", "+3|3", "-0|0"})
  void readsWhatSuppliersWrite(String raw, long expected) {
    QuantityParser.Result result = parser.parse(raw);
    assertTrue(result.ok(), () -> raw + ": " + result.error());
    assertEquals(expected, result.quantity());
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "  ", "?", "n/a", "есть", "10-20", "1.2.3", "12,5,1", "10 кг", "#N/A", "1e5", "x10",
      "1 23", "99999999999"})
  void rejectsWhatItCannotRead(String raw) {
    QuantityParser.Result result = parser.parse(raw);
    assertFalse(result.ok(), () -> raw + " read as " + result.quantity());
    assertEquals(-1, result.quantity());
  }

  @Test
  void emptyIsNeverZero() {
    assertEquals("quantity is empty", parser.parse(null).error());
    assertEquals("quantity is empty", parser.parse("").error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "-1 234", "- 3", "-0,5"})
  void rejectsNegativesWithAReason(String raw) {
    QuantityParser.Result result = parser.parse(raw);
    assertFalse(result.ok());
    assertTrue(result.error().startsWith("negative quantity") || result.error().startsWith("quantity not readable"),
        result.error());
  }

  @Test
  void negativeReasonNamesIt() {
    assertEquals("negative quantity: '-5'", parser.parse("-5").error());
  }
}
