package dev.mmlint.model.sim;

import dev.mmlint.model.api.ValidationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads witnesses written one operation per line (or separated by ';'), in the form {@link Op#text()}
 * renders: {@code alloc(A, 2)}, {@code bind(p, A, 1)}, {@code put(p, fn=folio_put)},
 * {@code gup(pages, A, 4, 0, pin)}. Blank lines and {@code #} comments are ignored.
 */
public final class OpParser {

    private OpParser() {
    }

    static String fnArg(String fn, String dflt) {
        return fn == null || fn.equals(dflt) ? "" : ", fn=" + fn;
    }

    public static List<Op> parseAll(String text) {
        List<Op> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            for (String part : l.split(";")) {
                if (part.isBlank()) continue;
                try {
                    out.add(parse(part));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    public static Op parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        if (open <= 0 || !t.endsWith(")")) throw new IllegalArgumentException("expected name(args): '" + t + "'");
        String name = t.substring(0, open).trim();
        List<String> pos = new ArrayList<>();
        Map<String, String> kw = new LinkedHashMap<>();
        String inner = t.substring(open + 1, t.length() - 1).trim();
        if (!inner.isEmpty()) {
            for (String a : inner.split(",")) {
                String s = a.trim();
                int eq = s.indexOf('=');
                if (eq > 0) kw.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
                else pos.add(s);
            }
        }
        Args a = new Args(name, pos, kw);
        Op op = switch (name) {
            case "alloc" -> new Op.Alloc(a.s(0), a.i(1));
            case "alloc_unprepared" -> new Op.AllocUnprepared(a.s(0), a.i(1));
            case "alloc_gigantic" -> new Op.AllocGigantic(a.s(0), a.i(1));
            case "bind" -> new Op.Bind(a.s(0), a.s(1), a.i(2));
            case "ptr_add" -> new Op.PtrAdd(a.s(0), a.s(1), a.i(2));
            case "nth_page" -> new Op.Bind(a.s(0), a.s(1), a.i(2));
            case "compound_head" -> new Op.CompoundHead(a.s(0), a.s(1));
            case "get" -> new Op.Get(a.s(0), a.fn("get_page"));
            case "put" -> new Op.Put(a.s(0), a.fn("put_page"));
            case "try_get_speculative" -> new Op.TryGetSpeculative(a.s(0), a.fn("get_page_unless_zero"), !a.flag(1, "may_fail"));
            case "validate" -> new Op.Validate(a.s(0), a.s(1), a.has(2) ? ValidationKind.fromLiteral(a.s(2)) : null);
            case "pin" -> new Op.Pin(a.s(0), a.fn("pin_user_pages"));
            case "unpin" -> new Op.Unpin(a.s(0), a.fn("unpin_user_page"));
            case "gup" -> {
                boolean pin = a.choice(4, "pin", "get");
                yield new Op.Gup(a.s(0), a.s(1), a.i(2), a.i(3), pin, a.fn(pin ? "pin_user_pages" : "get_user_pages"));
            }
            case "release" -> {
                boolean unpin = a.choice(2, "unpin", "put");
                yield new Op.Release(a.s(0), a.i(1), unpin, a.fn(unpin ? "unpin_user_pages" : "release_pages"));
            }
            case "split" -> new Op.Split(a.s(0));
            case "free" -> new Op.Free(a.s(0));
            case "map" -> new Op.Map(a.s(0));
            case "map_pmd" -> new Op.MapPmd(a.s(0));
            case "unmap" -> new Op.Unmap(a.s(0));
            case "unmap_pmd" -> new Op.UnmapPmd(a.s(0));
            case "read_field" -> new Op.ReadField(a.s(0), kw.getOrDefault("struct", "page"), a.s(1));
            case "call", "call_head_only" -> new Op.CallHeadOnly(a.s(0), a.s(1), kw.containsKey("arg") ? Integer.parseInt(kw.get("arg")) : 0);
            case "prep_compound" -> new Op.PrepCompound(a.s(0), a.fn("prep_compound_page"));
            case "freeze" -> new Op.Freeze(a.s(0), a.i(1), a.fn("page_ref_freeze"));
            case "unfreeze" -> new Op.Unfreeze(a.s(0), a.i(1), a.fn("page_ref_unfreeze"));
            case "set_refcounted" -> new Op.SetRefcounted(a.s(0), a.fn("set_page_refcounted"));
            case "set_page_count" -> new Op.SetPageCount(a.s(0), a.i(1), a.fn("set_page_count"));
            case "publish" -> new Op.Publish(a.s(0), a.fn("folio_add_lru"));
            case "ext_get" -> new Op.ExtGet(a.s(0));
            case "ext_put" -> new Op.ExtPut(a.s(0));
            case "ext_alloc" -> new Op.ExtAlloc(a.s(0), a.i(1));
            case "assume_exclusive" -> new Op.AssumeExclusive(a.s(0), a.fn("page_mapcount"));
            default -> throw new IllegalArgumentException("unknown operation '" + name + "'");
        };
        return op;
    }

    private record Args(String name, List<String> pos, Map<String, String> kw) {
        String s(int i) {
            if (i >= pos.size()) throw new IllegalArgumentException(name + "(): missing argument " + (i + 1));
            return pos.get(i);
        }

        boolean has(int i) {
            return i < pos.size();
        }

        int i(int i) {
            try {
                return Integer.parseInt(s(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "(): argument " + (i + 1) + " must be an integer, got '" + s(i) + "'");
            }
        }

        String fn(String dflt) {
            return kw.getOrDefault("fn", dflt);
        }

        boolean flag(int i, String word) {
            return has(i) && s(i).equals(word);
        }

        boolean choice(int i, String yes, String no) {
            String v = s(i);
            if (v.equals(yes)) return true;
            if (v.equals(no)) return false;
            throw new IllegalArgumentException(name + "(): argument " + (i + 1) + " must be " + yes + " or " + no);
        }
    }
}
