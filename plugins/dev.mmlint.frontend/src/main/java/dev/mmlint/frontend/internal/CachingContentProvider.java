package dev.mmlint.frontend.internal;

import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * One per translation unit (CDT keeps per-TU pragma-once state in the provider); texts and existence
 * answers come from the shared {@link HeaderCache}. Headers are always handed to the preprocessor
 * as source ({@code USE_SOURCE}): their declarations must be in this translation unit's AST, since
 * without an index a skipped header's declarations would be lost (see {@code docs} in the report).
 */
public final class CachingContentProvider extends InternalFileContentProvider {
    private final HeaderCache cache;
    private int included;

    public CachingContentProvider(HeaderCache cache) { this.cache = cache; }

    @Override public boolean getInclusionExists(String path) { return cache.exists(path); }

    @Override public InternalFileContent getContentForInclusion(String filePath, IMacroDictionary macroDictionary) {
        CharArray text = cache.content(filePath);
        if (text == null) return null;
        included++;
        return new InternalFileContent(filePath, text);
    }

    @Override public InternalFileContent getContentForInclusion(IIndexFileLocation ifl, String astPath) {
        return getContentForInclusion(astPath, null);
    }

    /** Number of header inclusions served as source to this translation unit. */
    public int included() { return included; }
}
