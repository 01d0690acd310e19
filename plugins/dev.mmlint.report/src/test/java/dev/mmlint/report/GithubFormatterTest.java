package dev.mmlint.report;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class GithubFormatterTest {
    @Test void escapesAsTheRunnerExpects() {
        assertEquals("100%25 done%0Anext%0Dline: a, b", GithubFormatter.data("100% done\nnext\rline: a, b"));
        assertEquals("mm/a%3Ab%2Cc.c%25", GithubFormatter.property("mm/a:b,c.c%"));
    }
}
