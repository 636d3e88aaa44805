package com.acme.inventory.domain;

public record Item(String sku, int quantity) {}
