package dev.mmlint.engine.api;

/** Replace {@code length} chars at {@code offset} of the analysed file's text by {@code replacement}. */
public record TextEdit(int offset, int length, String replacement) {}
