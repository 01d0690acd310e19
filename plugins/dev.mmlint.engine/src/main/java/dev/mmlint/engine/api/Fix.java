package dev.mmlint.engine.api;

import java.util.List;

/** A machine-applicable fix: a description and non-overlapping edits of one file. */
public record Fix(String description, List<TextEdit> edits) {}
