package dev.storeops.ordering;

/** Where an order came from: the storefront, a phone call or an e-mail taken by a manager. */
public enum Channel { SITE, PHONE, EMAIL }
