package com.acme.common;

public record Money(long cents, String currency) {}
