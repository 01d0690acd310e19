package dev.mmlint.engine.api;

/** One step of a finding's story: where a value came from, a branch taken, the use. */
public record Evidence(int line, int column, String message) {}
