package dev.mmlint.engine.ast;

import org.eclipse.cdt.core.dom.ast.IASTImageLocation;
import org.eclipse.cdt.core.dom.ast.IASTName;

/**
 * Where a name was written ({@link IASTName#getImageLocation()}), safe on every unit the front end
 * gives. A name that came out of a macro's definition is located in that definition; when the unit
 * was parsed with a re-used preamble, the definitions of the headers' macros are in effect but not
 * recorded in the unit again, and CDT fails (a NullPointerException in its location map) instead of
 * answering. Such a name was written in a header macro's definition, not in the file: the same
 * answer as {@link IASTImageLocation#MACRO_DEFINITION} gives to its callers, so it is reported as
 * no image location at all, which every caller already treats as "not written here".
 */
public final class ImageLocations {
    private ImageLocations() {}

    /** The image location of {@code name}, or null when it has none or lies in a macro definition the unit does not hold. */
    public static IASTImageLocation of(IASTName name) {
        try {
            return name.getImageLocation();
        } catch (NullPointerException e) {
            return null;
        }
    }
}
