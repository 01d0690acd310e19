package dev.mmlint.review;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One patch of a series as it came in: a mail (from an mbox or a {@code git format-patch} file) or a
 * bare unified diff.
 *
 * @param source  the input file it came from (for messages)
 * @param subject the mail subject, or the file name for a bare diff
 * @param author  "Name <address>" from the From: header; null for a bare diff
 * @param date    the Date: header as written; null for a bare diff
 * @param number  n of [PATCH n/m]; -1 when the subject has no number
 * @param total   m of [PATCH n/m]; -1 when the subject has no number
 * @param body    the decoded body text (commit message and diff)
 */
public record PatchMail(String source, String subject, String author, String date, int number, int total, String body) {
    private static final Pattern NUM = Pattern.compile("\\[[^\\]]*?\\b(\\d+)/(\\d+)\\s*\\]");

    public static PatchMail of(String source, String subject, String author, String date, String body) {
        int n = -1, m = -1;
        if (subject != null) {
            Matcher x = NUM.matcher(subject);
            if (x.find()) {
                n = Integer.parseInt(x.group(1));
                m = Integer.parseInt(x.group(2));
            }
        }
        return new PatchMail(source, subject, author, date, n, m, body);
    }

    public boolean isCoverLetter() { return number == 0 && total > 0; }

    /** The name used in messages: the subject when there is one, else the file. */
    public String name() { return subject != null && !subject.isBlank() ? subject : source; }

    /** The reply attribution line, only when the mail had both a date and an author. */
    public String attribution() {
        return author != null && date != null ? "On " + date + ", " + author + " wrote:" : null;
    }
}
