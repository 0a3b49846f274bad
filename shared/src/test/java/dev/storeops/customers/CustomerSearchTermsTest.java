package dev.storeops.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.Invalid;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerSearchTermsTest {
  private static Customer customer(String name, String phone, String manager) {
    return new Customer("cus_1", "a@example.com", name, phone, null, false, null, "ru", Instant.EPOCH, manager);
  }

  @Test
  void aPhoneInAnyRussianNotationIsTheSameNumber() {
    for (String q : List.of("8 (916) 123-45-67", "+7 916 123 45 67", "79161234567", "9161234567", "+7(916)1234567")) {
      var query = CustomerSearchTerms.query(q);
      assertEquals(CustomerSearchTerms.Kind.PHONE, query.kind(), q);
      assertEquals("+79161234567", query.value(), q);
    }
  }

  @Test
  void anEmailIsExactInAnyCaseAndANameIsAPrefixWithEAndYoAlike() {
    assertEquals(new CustomerSearchTerms.Query(CustomerSearchTerms.Kind.EMAIL, "anna@example.com"),
        CustomerSearchTerms.query("  Anna@Example.COM "));
    var name = CustomerSearchTerms.query("Ёлкина,  Анна");
    assertEquals(CustomerSearchTerms.Kind.NAME, name.kind());
    assertEquals("елкина анна", name.value());
    assertEquals("ел", name.bucket());
    // digits too few for a phone: a name query
    assertEquals(CustomerSearchTerms.Kind.NAME, CustomerSearchTerms.query("916 12").kind());
  }

  @Test
  void badQueriesNameTheField() {
    for (String q : new String[] {null, " ", "я", "a b", "x".repeat(101)}) {
      Invalid e = assertThrows(Invalid.class, () -> CustomerSearchTerms.query(q));
      assertEquals("q", e.errors().get(0).field());
    }
  }

  @Test
  void aCustomerIsFiledUnderItsPhoneAndEachWordStartOfItsName() {
    var terms = CustomerSearchTerms.of(customer("Анна-Мария Петрова", "+79161234567", null));
    assertEquals(List.of(
        new CustomerSearchTerms.Term(CustomerSearchTerms.Kind.PHONE, "+79161234567", "+79161234567"),
        new CustomerSearchTerms.Term(CustomerSearchTerms.Kind.NAME, "ан", "анна мария петрова"),
        new CustomerSearchTerms.Term(CustomerSearchTerms.Kind.NAME, "ма", "мария петрова"),
        new CustomerSearchTerms.Term(CustomerSearchTerms.Kind.NAME, "пе", "петрова")), terms);
    // at most 4 name words, one-letter words are not filed, no phone: no phone term
    var many = CustomerSearchTerms.of(customer("A Bb Cc Dd Ee Ff", null, null));
    assertEquals(List.of("bb cc dd ee ff", "cc dd ee ff", "dd ee ff"), many.stream().map(CustomerSearchTerms.Term::text).toList());
  }

  @Test
  void aManagerFindsOthersCustomersOnlyByExactPhoneOrEmail() {
    Customer theirs = customer("Анна", "+79161234567", "mgr-olga");
    Customer other = customer("Анна", "+79161234567", "mgr-pavel");
    assertTrue(CustomerSearchScope.shows(CustomerSearchTerms.Kind.NAME, theirs, "mgr-olga", true));
    assertFalse(CustomerSearchScope.shows(CustomerSearchTerms.Kind.NAME, other, "mgr-olga", true));
    assertTrue(CustomerSearchScope.shows(CustomerSearchTerms.Kind.PHONE, other, "mgr-olga", true));
    assertTrue(CustomerSearchScope.shows(CustomerSearchTerms.Kind.EMAIL, other, "mgr-olga", true));
    assertTrue(CustomerSearchScope.shows(CustomerSearchTerms.Kind.NAME, other, "owner-elena", false));
  }
}
