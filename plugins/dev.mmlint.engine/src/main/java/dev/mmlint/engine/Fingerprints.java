package dev.mmlint.engine;

import dev.mmlint.frontend.SourceText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints that survive unrelated line drift: the rule, the file, the function, the finding's
 * message with line numbers removed, and the text of the finding's line with white space folded.
 * Inserting lines above a finding changes none of these.
 */
public final class Fingerprints {
    private Fingerprints() {}

    public static String of(String ruleId, String file, String function, SourceText text, int offset, String message) {
        String line = text.lineText(text.line(offset)).trim().replaceAll("\\s+", " ");
        String msg = message.replaceAll("line \\d+", "line N").replaceAll(":\\d+", ":N");
        return hash(ruleId + '\0' + file + '\0' + function + '\0' + msg + '\0' + line);
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
