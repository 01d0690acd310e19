package dev.mmlint.frontend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads analysed source files, refusing what cannot be C source with a one-line reason naming the
 * file (and line): missing, a directory, unreadable, larger than {@link #MAX_BYTES}, binary (a NUL
 * byte). Text that is not valid UTF-8 is decoded leniently (each bad byte becomes U+FFFD, so line
 * numbers stay right) and a warning naming the first bad line is added to {@code warnings}.
 */
public final class SourceFiles {
    /** Larger than any kernel .c file (the largest in 6.12 is ~1.5 MB). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private SourceFiles() {}

    public static String read(Path file, String display, List<Diagnostic> warnings) throws InputException {
        long size;
        try {
            if (!Files.exists(file)) throw new InputException(display, 0, "no such file");
            if (Files.isDirectory(file)) throw new InputException(display, 0, "is a directory, not a C file");
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputException(display, 0, "cannot read: " + e.getMessage());
        }
        if (size > MAX_BYTES)
            throw new InputException(display, 0, String.format(
                    "file too large: %.1f MB (limit %d MB); not analysed", size / 1048576.0, MAX_BYTES / 1048576));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(display, 0, "no such file");
        } catch (IOException e) {
            throw new InputException(display, 0, "cannot read: " + e.getMessage());
        }
        return decode(bytes, display, warnings);
    }

    /** Checks and decodes bytes already in memory (same rules as {@link #read}). */
    public static String decode(byte[] bytes, String display, List<Diagnostic> warnings) throws InputException {
        int line = 1;
        for (byte b : bytes) {
            if (b == 0) throw new InputException(display, line, "binary file (NUL byte); not analysed");
            if (b == '\n') line++;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadLine(bytes);
            warnings.add(new Diagnostic(display, bad, 0, Diagnostic.Severity.WARNING,
                    "not valid UTF-8; decoded leniently (invalid bytes shown as U+FFFD)"));
            CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            try {
                return lenient.decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e2) {
                throw new InputException(display, bad, "cannot decode: " + e2.getMessage());
            }
        }
    }

    private static int firstBadLine(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, true);
        int pos = in.position(), line = 1;
        for (int i = 0; i < pos && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
