package dev.mmlint.review;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Reads review input: an mbox (as {@code b4 am} or a mail client saves it), a {@code git format-patch}
 * file (an mbox of one), a single mail, or a bare unified diff. MIME, transfer encodings and charsets
 * are handled by mime4j; only the mbox envelope ({@code From } separator lines) is split here.
 */
public final class MailReader {
    private MailReader() {}

    public record Read(List<PatchMail> mails, List<String> problems) {}

    public static Read read(Path file) throws IOException {
        return read(file.getFileName().toString(), Files.readAllBytes(file));
    }

    /** Reads the input {@code bytes}, named {@code name} in problems. */
    public static Read read(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<PatchMail> mails = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (text.isBlank()) {
            problems.add(name + ": empty input, nothing to review");
            return new Read(mails, problems);
        }
        if (text.startsWith("From ")) {
            List<String> msgs = splitMbox(text);
            for (String m : msgs) {
                PatchMail pm = parseMail(name, m.getBytes(StandardCharsets.ISO_8859_1), problems);
                if (pm != null) mails.add(pm);
            }
        } else if (looksLikeMail(text)) {
            PatchMail pm = parseMail(name, bytes, problems);
            if (pm != null) mails.add(pm);
        } else {
            mails.add(PatchMail.of(name, null, null, null, new String(bytes, StandardCharsets.UTF_8)));
        }
        return new Read(mails, problems);
    }

    /**
     * The envelope line {@code git format-patch} writes ("From <commit> Mon Sep 17 00:00:00 2001"):
     * a mail starts there even with no blank line before, as in format-patch files made with
     * {@code --no-signature} and concatenated ({@code git am} splits them there too).
     */
    private static final java.util.regex.Pattern GIT_ENVELOPE = java.util.regex.Pattern.compile("From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\\r?");

    /** Split at envelope lines ("From " at the start of a line after a blank line or at the start, or git's own). */
    static List<String> splitMbox(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder cur = null;
        boolean prevBlank = true;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("From ") && (prevBlank || GIT_ENVELOPE.matcher(l).matches())) {
                if (cur != null) out.add(cur.toString());
                cur = new StringBuilder();
                prevBlank = false;
                continue;
            }
            if (cur != null) {
                // mboxrd/mboxo quoting of body lines starting with "From "
                String body = l.matches(">+From .*") ? l.substring(1) : l;
                cur.append(body);
                if (i < lines.length - 1) cur.append('\n');
            }
            prevBlank = l.isEmpty() || l.equals("\r");
        }
        if (cur != null) out.add(cur.toString());
        return out;
    }

    private static boolean looksLikeMail(String text) {
        int end = text.indexOf("\n\n");
        if (end < 0) return false;
        String head = text.substring(0, end);
        return head.lines().anyMatch(l -> l.regionMatches(true, 0, "Subject:", 0, 8))
                && head.lines().allMatch(l -> l.matches("[A-Za-z0-9-]+:.*|[ \t].*"));
    }

    /** Containers (multipart or message parts) one mail may declare: patch mail has a handful. */
    static final int MAX_MIME_CONTAINERS = 64;
    private static final java.util.regex.Pattern CONTAINER =
            java.util.regex.Pattern.compile("(?im)^content-type:\\s*\"?(multipart|message)/");

    private static PatchMail parseMail(String source, byte[] bytes, List<String> problems) {
        // a MIME bomb (parts nested thousands deep) costs the parser time quadratic in the depth: refuse it first
        java.util.regex.Matcher c = CONTAINER.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int containers = 0;
        while (c.find()) containers++;
        if (containers > MAX_MIME_CONTAINERS) {
            problems.add(source + ": " + firstSubject(bytes) + ": MIME structure too deep (" + containers
                    + " multipart/message parts, limit " + MAX_MIME_CONTAINERS + "), mail not read");
            return null;
        }
        try {
            DefaultMessageBuilder b = new DefaultMessageBuilder();
            b.setMimeEntityConfig(MimeConfig.PERMISSIVE);
            Message m = b.parseMessage(new ByteArrayInputStream(bytes));
            String subject = m.getSubject() == null ? null : m.getSubject().replaceAll("\\s+", " ").trim();
            String author = null;
            if (m.getFrom() != null && !m.getFrom().isEmpty()) {
                Mailbox mb = m.getFrom().get(0);
                author = mb.getName() == null || mb.getName().isBlank() ? mb.getAddress()
                        : mb.getName() + " <" + mb.getAddress() + ">";
            }
            Field df = m.getHeader() == null ? null : m.getHeader().getField("Date");
            String date = df == null ? null : df.getBody().replaceAll("\\s+", " ").trim();
            String body = bodyText(m);
            PatchMail pm = PatchMail.of(source, subject, author, date, body == null ? "" : body);
            if ((body == null || body.isBlank()) && !pm.isCoverLetter()) {
                problems.add(source + ": " + pm.name() + ": empty mail, nothing to review");
                return null;
            }
            return pm;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            problems.add(source + ": " + firstSubject(bytes) + ": cannot read mail: "
                    + (e instanceof StackOverflowError ? "MIME structure too deep" : e.getMessage()));
            return null;
        }
    }

    /** The mail's Subject: header line as written (for problems about a mail mime4j could not read), or "mail". */
    private static String firstSubject(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^subject:[ \\t]*(.*)$").matcher(head);
        if (!m.find()) return "mail";
        String s = m.group(1).strip();
        return s.isEmpty() ? "mail" : s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** The text/plain parts (and text/x-patch attachments) concatenated, decoded. */
    private static String bodyText(Entity e) throws IOException {
        Body body = e.getBody();
        if (body instanceof Multipart mp) {
            StringBuilder sb = new StringBuilder();
            for (Entity part : mp.getBodyParts()) {
                String t = bodyText(part);
                if (t != null) sb.append(t).append(t.endsWith("\n") ? "" : "\n");
            }
            return sb.toString();
        }
        if (body instanceof Message inner) return bodyText(inner);
        if (body instanceof TextBody tb) {
            String mime = e.getMimeType() == null ? "text/plain" : e.getMimeType().toLowerCase();
            if (!mime.startsWith("text/plain") && !mime.contains("patch") && !mime.contains("diff")) return null;
            StringBuilder sb = new StringBuilder();
            try (Reader r = tb.getReader()) {
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) sb.append(buf, 0, n);
            }
            return sb.toString().replace("\r\n", "\n");
        }
        return null;
    }
}
