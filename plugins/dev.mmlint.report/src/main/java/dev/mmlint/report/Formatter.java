package dev.mmlint.report;

import java.io.IOException;
import java.io.Writer;

/** One output format. Output must be deterministic: the same run gives the same bytes. */
public interface Formatter {
    void write(RunResult run, Writer out) throws IOException;
}
