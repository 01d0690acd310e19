package dev.mmlint.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which mails of the input to review, as a maintainer reads a lore thread: per input file, the
 * patches of the latest version of the series ({@code [PATCH v3 2/5]} over {@code [PATCH v2 2/5]};
 * no {@code vN} is version 1), not the replies ({@code Re:}, {@code Aw:}) and not the cover letters
 * ({@code 0/n}, kept apart: the reply quotes the chosen version's). Bare diffs are always reviewed.
 *
 * @param patches  the mails to review, in input order
 * @param cover    the subject of the cover letter of the highest version (the first of those), or null
 * @param notes    one line per input file from which something was skipped: what was reviewed and what not
 */
record SeriesSelection(List<PatchMail> patches, String cover, List<String> notes) {
    private static final Pattern REPLY = Pattern.compile("^\\s*(?:re|aw|sv|antw)\\s*(?:\\[\\d+\\])?\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern VERSION = Pattern.compile("(?i)(?:^|\\s)v(\\d+)(?=\\s|$|/)");

    static boolean isReply(PatchMail m) { return m.subject() != null && REPLY.matcher(m.subject()).find(); }

    /** N of {@code [PATCH vN ...]}, 1 when the tag has none. */
    static int version(PatchMail m) {
        if (m.subject() == null) return 1;
        Matcher t = TAG.matcher(m.subject());
        while (t.find()) {
            Matcher v = VERSION.matcher(t.group(1));
            if (v.find()) return Integer.parseInt(v.group(1));
        }
        return 1;
    }

    static SeriesSelection of(List<PatchMail> mails) {
        Map<String, List<PatchMail>> bySource = new LinkedHashMap<>();
        for (PatchMail m : mails) bySource.computeIfAbsent(m.source(), k -> new ArrayList<>()).add(m);
        List<PatchMail> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String cover = null;
        int coverVersion = -1;
        for (Map.Entry<String, List<PatchMail>> e : bySource.entrySet()) {
            int latest = 0;
            for (PatchMail m : e.getValue()) if (!isReply(m) && !m.isCoverLetter()) latest = Math.max(latest, version(m));
            int replies = 0, covers = 0, older = 0;
            List<PatchMail> chosen = new ArrayList<>();
            for (PatchMail m : e.getValue()) {
                if (isReply(m)) replies++;
                else if (m.isCoverLetter()) {
                    covers++;
                    int v = version(m);
                    if (cover == null || v > coverVersion) {
                        cover = m.subject();
                        coverVersion = v;
                    }
                } else if (version(m) < latest) older++;
                else chosen.add(m);
            }
            out.addAll(chosen);
            if (replies + older > 0) {
                List<String> skipped = new ArrayList<>();
                if (older > 0) skipped.add(older + (older == 1 ? " patch" : " patches") + " of an earlier version");
                if (replies > 0) skipped.add(replies + (replies == 1 ? " reply" : " replies"));
                if (covers > 0) skipped.add(covers + (covers == 1 ? " cover letter" : " cover letters"));
                notes.add(e.getKey() + ": reviewed " + (latest > 1 ? "v" + latest + ", " : "") + chosen.size()
                        + (chosen.size() == 1 ? " patch" : " patches") + (chosen.isEmpty() ? "" : " (" + numbers(chosen) + ")")
                        + "; skipped " + String.join(", ", skipped));
            }
        }
        return new SeriesSelection(List.copyOf(out), cover, List.copyOf(notes));
    }

    private static String numbers(List<PatchMail> ms) {
        List<String> r = new ArrayList<>();
        for (PatchMail m : ms) r.add(m.number() > 0 ? m.number() + "/" + m.total() : m.name());
        return String.join(", ", r);
    }
}
