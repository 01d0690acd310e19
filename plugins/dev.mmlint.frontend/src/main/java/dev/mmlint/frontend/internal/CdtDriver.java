package dev.mmlint.frontend.internal;

import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.parser.c.GCCScannerExtensionConfiguration;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.NullLogService;
import org.eclipse.cdt.core.parser.ParserLanguage;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * Runs CDT's preprocessor and GNU C parser on one translation unit, without an index.
 *
 * <p>{@code headerBodies=false} (the default for kernel trees) uses CDT's
 * {@link ParserMode#SELECTION_PARSE}: identical to a complete parse except that a function body is
 * parsed only when it comes from the main file (CPreprocessor#isOnTopContext: macro expansions in
 * the main file count as the main file). Bodies of static inline functions in headers are skipped
 * token-wise; their declarations, and every macro, type and variable, are still in the AST. The
 * preprocessor still runs over every header, so macro meaning is exactly as in a full parse.
 */
public final class CdtDriver {
    private CdtDriver() {}

    public static IASTTranslationUnit parse(String path, char[] text, ExtendedScannerInfo info,
                                            InternalFileContentProvider provider, boolean headerBodies) {
        CPreprocessor scanner = new CPreprocessor(FileContent.create(path, text), info, ParserLanguage.C,
                new NullLogService(), GCCScannerExtensionConfiguration.getInstance(info), provider);
        scanner.setComputeImageLocations(true);
        scanner.setProcessInactiveCode(false);
        KernelCParser parser = new KernelCParser(scanner,
                headerBodies ? ParserMode.COMPLETE_PARSE : ParserMode.SELECTION_PARSE, new NullLogService(), null);
        parser.setAutoTypeMainFileOnly(!headerBodies);
        return parser.parse();
    }
}
