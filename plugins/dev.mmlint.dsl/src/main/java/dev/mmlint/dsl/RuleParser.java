package dev.mmlint.dsl;

import dev.mmlint.model.api.RuleFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Parses one rules file: lexing and parsing with error recovery (every syntax error of the file is
 * reported), then, when the syntax is clean, building the {@link RuleFile} with the
 * {@link ModelBuilder}. A file with syntax errors yields no model.
 */
public final class RuleParser {

    /** The outcome for one file; {@code file} is null when the file could not be built. */
    public record Parsed(RuleSource source, RuleFile file, List<DslDiagnostic> diagnostics, SourceMap sourceMap) {
        public boolean clean() {
            return file != null && diagnostics.stream().noneMatch(DslDiagnostic::isError);
        }
    }

    private RuleParser() {
    }

    public static Parsed parse(RuleSource src) {
        List<DslDiagnostic> diags = new ArrayList<>();
        MmrLexer lexer = new MmrLexer(CharStreams.fromString(src.text(), src.name()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
                diags.add(DslDiagnostic.error(src.name(), line, col + 1, msg));
            }
        });
        MmrParser parser = new MmrParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new MmrErrorStrategy(src.name(), diags::add));
        MmrParser.FileContext tree = parser.file();
        SourceMap map = new SourceMap();
        if (!diags.isEmpty()) {
            diags.sort(DslDiagnostic.ORDER);
            return new Parsed(src, null, List.copyOf(diags), map);
        }
        RuleFile file = new ModelBuilder(src.name(), src.expectedFamily(), diags::add, map).build(tree);
        diags.sort(DslDiagnostic.ORDER);
        return new Parsed(src, file, List.copyOf(diags), map);
    }
}
