package dev.mmlint.review;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * A patch's diff as JGit parses it ({@link Patch}, {@link FileHeader}, {@link HunkHeader}), kept as the
 * lines the review quotes. Problems (binary diffs, bad paths, hunks whose counts do not match their
 * {@code @@} header) are recorded per file and per hunk, never thrown.
 */
public final class Diff {
    /** One line of a hunk: kind is ' ', '+' or '-'; text without the prefix. */
    public record Line(char kind, String text) {
        public String raw() { return kind + text; }
    }

    /** A hunk: its {@code @@} header line, the counts it declares, and its lines. */
    public record Hunk(String header, int oldStart, int oldCount, int newStart, int newCount, List<Line> lines, String problem) {
        public List<String> oldImage() { return lines.stream().filter(l -> l.kind() != '+').map(Line::text).toList(); }
        public List<String> newImage() { return lines.stream().filter(l -> l.kind() != '-').map(Line::text).toList(); }
        public String atHeader() {
            int e = header.indexOf("@@", 2);
            return e < 0 ? header : header.substring(0, e + 2);
        }
    }

    /**
     * One file of the diff.
     *
     * @param oldPath null for a new file
     * @param newPath null for a deleted file
     * @param headerLines the {@code --- a/…} and {@code +++ b/…} lines, quoted above the first hunk
     * @param problem why the file cannot be applied at all (binary, bad path), or null
     */
    public record FileDiff(String oldPath, String newPath, List<String> headerLines, List<Hunk> hunks, String problem) {
        public String path() { return newPath != null ? newPath : oldPath; }
    }

    private final List<FileDiff> files;
    private final List<String> problems;

    private Diff(List<FileDiff> files, List<String> problems) {
        this.files = files;
        this.problems = problems;
    }

    public List<FileDiff> files() { return files; }

    /** Problems not tied to one file (format errors JGit reported outside any file). */
    public List<String> problems() { return problems; }

    public static Diff parse(String text) {
        List<FileDiff> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            parse(text, files, problems);
        } catch (RuntimeException e) {
            // JGit throws on some malformed headers (a bad 'index' line, file mode or hunk header):
            // parse file by file, so only the broken one is lost, and name it by its line
            files.clear();
            problems.clear();
            String[] ls = text.split("\n", -1);
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < ls.length; i++) if (ls[i].startsWith("diff ") || i == 0) starts.add(i);
            for (int k = 0; k < starts.size(); k++) {
                int from = starts.get(k), to = k + 1 < starts.size() ? starts.get(k + 1) : ls.length;
                String chunk = String.join("\n", java.util.Arrays.asList(ls).subList(from, to)) + "\n";
                List<FileDiff> f = new ArrayList<>();
                List<String> pr = new ArrayList<>();
                try {
                    parse(chunk, f, pr);
                    files.addAll(f);
                    problems.addAll(pr);
                } catch (RuntimeException x) {
                    String head = ls[from].strip();
                    problems.add("line " + (from + 1) + ": malformed diff header"
                            + (head.isEmpty() ? "" : " '" + (head.length() > 80 ? head.substring(0, 80) + "..." : head) + "'")
                            + " (bad index line, file mode or hunk header), file not reviewed");
                }
            }
        }
        return new Diff(List.copyOf(files), List.copyOf(problems));
    }

    private static void parse(String text, List<FileDiff> files, List<String> problems) {
        byte[] buf = text.getBytes(StandardCharsets.UTF_8);
        Patch p = new Patch();
        p.parse(buf, 0, buf.length);
        List<? extends FileHeader> fhs = p.getFiles();
        for (FileHeader fh : fhs) files.add(file(fh));
        for (FormatError e : p.getErrors()) {
            if (e.getSeverity() != FormatError.Severity.ERROR) continue;
            if (e.getMessage().startsWith("Truncated hunk")) continue; // reported per hunk, with its counts
            String where = e.getLineText() == null ? "" : " at '" + e.getLineText().strip() + "'";
            problems.add(e.getMessage() + where);
        }
    }

    private static FileDiff file(FileHeader fh) {
        String oldPath = fh.getChangeType() == DiffEntry.ChangeType.ADD ? null : fh.getOldPath();
        String newPath = fh.getChangeType() == DiffEntry.ChangeType.DELETE ? null : fh.getNewPath();
        String problem = null;
        if (fh.getPatchType() != FileHeader.PatchType.UNIFIED) problem = "binary diff, not reviewed";
        for (String p : new String[] {oldPath, newPath}) {
            if (problem == null && p != null && !safePath(p))
                problem = "unsafe file name '" + p + "' (absolute or with '..'), not applied";
        }
        if (problem == null && oldPath == null && newPath == null) problem = "diff without a file name";
        List<String> header = new ArrayList<>();
        String fileText = new String(fh.getBuffer(), fh.getStartOffset(), fh.getEndOffset() - fh.getStartOffset(), StandardCharsets.UTF_8);
        for (String l : fileText.split("\n", -1)) {
            if (l.startsWith("@@")) break;
            if (l.startsWith("--- ") || l.startsWith("+++ ")) header.add(l);
        }
        List<Hunk> hunks = new ArrayList<>();
        for (HunkHeader h : fh.getHunks()) hunks.add(hunk(h));
        return new FileDiff(oldPath, newPath, List.copyOf(header), List.copyOf(hunks), problem);
    }

    static boolean safePath(String p) {
        if (p.isEmpty() || p.startsWith("/") || p.startsWith("\\") || p.matches("^[A-Za-z]:.*")) return false;
        for (String seg : p.split("[/\\\\]")) if (seg.equals("..")) return false;
        return true;
    }

    private static Hunk hunk(HunkHeader h) {
        String text = new String(h.getBuffer(), h.getStartOffset(), h.getEndOffset() - h.getStartOffset(), StandardCharsets.UTF_8);
        String[] ls = text.split("\n", -1);
        String header = ls[0];
        int oldStart = h.getOldImage().getStartLine(), oldCount = h.getOldImage().getLineCount();
        int newStart = h.getNewStartLine(), newCount = h.getNewLineCount();
        List<Line> lines = new ArrayList<>();
        int o = 0, n = 0;
        for (int i = 1; i < ls.length && (o < oldCount || n < newCount); i++) {
            String l = ls[i];
            if (l.startsWith("\\")) continue;              // "\ No newline at end of file"
            char k = l.isEmpty() ? ' ' : l.charAt(0);       // mailers strip the blank of empty context lines
            if (k != ' ' && k != '+' && k != '-') break;
            String t = l.isEmpty() ? "" : l.substring(1);
            lines.add(new Line(k, t));
            if (k != '+') o++;
            if (k != '-') n++;
        }
        String problem = null;
        if (o != oldCount || n != newCount)
            problem = "hunk line counts do not match its header (old " + o + " of " + oldCount + ", new " + n + " of " + newCount + ")";
        return new Hunk(header, oldStart, oldCount, newStart, newCount, List.copyOf(lines), problem);
    }
}
