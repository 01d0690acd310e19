package dev.mmlint.frontend.internal;

import java.lang.reflect.Field;
import org.eclipse.cdt.core.parser.util.CharArrayIntMap;
import org.eclipse.cdt.core.parser.util.CharArrayUtils;
import org.eclipse.cdt.internal.core.parser.scanner.AbstractCharArray;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.IncludeGuardDetection;
import org.eclipse.cdt.internal.core.parser.scanner.Lexer;

/**
 * A header's include guard, looked for once per header and run instead of once per translation unit.
 *
 * <p>When a translation unit includes a header for the first time, CDT's preprocessor looks for the
 * header's include guard ({@code #ifndef G / #define G ... #endif} spanning the file): it lexes the
 * whole header a second time, token by token, only to answer that question, whose answer depends on
 * the header's text alone. For a kernel file that is a second lexing of some 600 headers, about a
 * tenth of a whole {@code check}'s time.
 *
 * <p>Here the question is answered once per header text: the real detection runs on the text the
 * first time it is met (with the preprocessor's own lexer options and directive keywords), and its
 * answer is kept as a <em>stand-in</em>, a text of three lines ({@code #ifndef G}, {@code #define G},
 * {@code #endif}) for a guard {@code G}, empty for none, on which the detection gives the same answer
 * (checked when the stand-in is made). Each inclusion is then served as an {@link Answering} content:
 * the header's text, except while the preprocessor runs the detection, when it reads the stand-in.
 * The preprocessor itself, its lexer of the header and its location map only ever see the header's
 * text: it asks the content provider {@code shouldIndexAllHeaderVersions(path)} right before the
 * detection (the content switches to the stand-in), and right after it tells the provider of a guard
 * found ({@code reportPragmaOnceSemantics}) and asks the content for its hash: either switches the
 * content back; the provider switches it back too at any other call, whatever happens (counted in
 * {@link #LATE}). The parse is the same as without (what {@code IncludeGuardsTest} checks on real
 * kernel files, binding by binding).
 *
 * <p>Relies on the order of calls inside CDT's {@code CPreprocessor.executeInclude}, which is private
 * to mmlint's pinned copy of CDT; on a CDT without the fields read here nothing is answered.
 */
public final class IncludeGuards {
    private IncludeGuards() {}

    private static final Field LEX_OPTIONS = Preambles.field(CPreprocessor.class, "fLexOptions");
    private static final Field PP_KEYWORDS = Preambles.field(CPreprocessor.class, "fPPKeywords");

    /** Whether stand-ins are used ({@code -Dmmlint.guardStandIns=false} turns them off). */
    static final boolean ENABLED = LEX_OPTIONS != null && PP_KEYWORDS != null
            && !"false".equals(System.getProperty("mmlint.guardStandIns"));

    private static final Field ROOT_CONTEXT = Preambles.field(CPreprocessor.class, "fRootContext");
    private static final Field MODIFICATIONS = scannerContextField("fInternalModifications");

    /** A field of CDT's package-private ScannerContext, or null. */
    private static Field scannerContextField(String name) {
        try {
            return Preambles.field(Class.forName("org.eclipse.cdt.internal.core.parser.scanner.ScannerContext", false,
                    CPreprocessor.class.getClassLoader()), name);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /**
     * Stops the main file's context of {@code pp} from collecting "significant macros" (every macro a
     * header without an include guard defines or consults, and, through the guard-less main file, every
     * macro any header defines: tens of thousands of names per translation unit, about 3% of a whole
     * check). They serve CDT's index, which mmlint has none of, and nothing in the AST depends on them but
     * the translation unit's own record of them. The preprocessor starts the collection once, after the
     * forced includes and before the main file's first inclusion: called at each inclusion until it
     * stopped it (or cannot), it says whether to stop calling.
     */
    static boolean stopRootTracking(CPreprocessor pp) {
        if (ROOT_CONTEXT == null || MODIFICATIONS == null) return true;
        try {
            Object root = ROOT_CONTEXT.get(pp);
            if (root == null || MODIFICATIONS.get(root) == null) return false; // not started yet
            MODIFICATIONS.set(root, null);
        } catch (IllegalAccessException | RuntimeException e) {
            // leave it collecting
        }
        return true;
    }

    /** Detections answered by a stand-in, all instances. */
    public static final dev.mmlint.frontend.Counter ANSWERED = new dev.mmlint.frontend.Counter();
    /**
     * Stand-ins still served when the provider's next call came, not switched back by the calls that
     * follow the detection: the preprocessor's order of calls is not the one relied on (tests require
     * none).
     */
    public static final dev.mmlint.frontend.Counter LATE = new dev.mmlint.frontend.Counter();

    /** A stand-in that could not be made (the detection would not give the same answer on it). */
    static final char[] NONE = new char[0];

    /**
     * The stand-in of {@code content}'s include-guard answer under {@code pp}'s lexer options and
     * directive keywords, or {@link #NONE} when no text of the stand-in's form gives that answer.
     */
    static char[] standIn(CharArray content, CPreprocessor pp) {
        Lexer.LexerOptions options;
        CharArrayIntMap keywords;
        try {
            options = (Lexer.LexerOptions) LEX_OPTIONS.get(pp);
            keywords = (CharArrayIntMap) PP_KEYWORDS.get(pp);
        } catch (IllegalAccessException | RuntimeException e) {
            return NONE;
        }
        char[] guard = IncludeGuardDetection.detectIncludeGuard(content, options, keywords);
        char[] s = guard == null ? new char[0]
                : ("#ifndef " + new String(guard) + "\n#define " + new String(guard) + "\n#endif\n").toCharArray();
        char[] again = IncludeGuardDetection.detectIncludeGuard(new CharArray(s), options, keywords);
        boolean same = guard == null ? again == null : again != null && CharArrayUtils.equals(guard, again);
        return same ? s : NONE;
    }

    /**
     * One inclusion's content: the header's text, or its stand-in from {@link #answer()} until
     * {@link #restore()}. Read by one translation unit's preprocessor (one thread).
     */
    static final class Answering extends AbstractCharArray {
        final String path;
        private final CharArray text;
        private final char[] real, standIn;
        private char[] current;

        Answering(String path, CharArray text, char[] standIn) {
            this.path = path;
            this.text = text;
            this.real = text.getArray();
            this.standIn = standIn;
            this.current = real;
        }

        /** The detection is about to run: serve the stand-in. */
        void answer() {
            current = standIn;
            ANSWERED.increment();
        }

        /** Serve the header's text again. */
        void restore() { current = real; }

        boolean answering() { return current != real; }

        @Override public int tryGetLength() { return current.length; }

        @Override public int getLength() { return current.length; }

        @Override public boolean isValidOffset(int offset) { return offset < current.length; }

        @Override public long getContentsHash() {
            // asked right after the detection: the preprocessor's lexer reads the text from here on
            restore();
            return text.getContentsHash();
        }

        @Override public char get(int offset) { return current[offset]; }

        @Override public void arraycopy(int offset, char[] destination, int destinationPos, int length) {
            System.arraycopy(current, offset, destination, destinationPos, length);
        }

        @Override public boolean hasError() { return false; }
    }
}
