package dev.storeops.customers;

/** The body of {@code POST /customers}, as the storefront sends it. */
public record CustomerRegistration(
    String email,
    String name,
    String phone,
    String birthday,
    Boolean marketingConsent,
    String locale) {}
