package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.parenthesised;

import dev.mmlint.engine.knowledge.ApiEffect;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.cdt.core.dom.ast.IASTExpression;

/** Whether the condition of a conditional effect, or of a callee's learned requirement, holds at a call. */
final class CallConditions {
    private CallConditions() {}

    /**
     * Whether a conditional effect's condition holds at a call, decided from the argument as written: a
     * constant truth value, or an or-combination of constant flags, decides; null when the argument is
     * computed (a variable, a call, a mask operation).
     */
    static Boolean holds(TransferContext c, ApiEffect.When w, List<IASTExpression> args) {
        Boolean has = flagSet(c, w, args);
        if (has == null || !w.clear()) return has;
        return !has;
    }

    /**
     * The variable whose value decides a flag condition at a call: the one operand of an or-combination
     * that is not a constant flag ({@code gup_flags}, {@code gup_flags | FOLL_TOUCH}), a local or a
     * parameter; null when there is none or more than one, or the argument is computed otherwise.
     */
    static String flagVariable(TransferContext c, ApiEffect.When w, List<IASTExpression> args) {
        if (w.flag() == null || w.index() >= args.size() || args.get(w.index()) == null) return null;
        IASTExpression a = args.get(w.index());
        IASTExpression written = c.view.written(a);
        String t = (written != null ? written : a).getRawSignature().replaceAll("\\s+", " ").trim();
        for (List<int[]> in = parenthesised(t); in != null; in = parenthesised(t)) t = t.substring(1, t.length() - 1).trim();
        if (t.contains("||") || t.contains("&") || t.contains("(")) return null;
        String var = null;
        for (String part : t.split("\\|")) {
            String op = part.trim();
            if (op.equals(w.flag())) return null;
            if (!op.matches("[A-Za-z_]\\w*")) {
                if (op.matches("(0[xX])?[0-9a-fA-F]+[uUlL]*")) continue;
                return null;
            }
            if (!c.facts.locals().contains(op) && !c.facts.params().containsKey(op)) continue;
            if (var != null) return null;
            var = op;
        }
        return var;
    }

    /** Whether the flag of {@code w} is set in its argument (or the argument is true), or null when not known at the call. */
    private static Boolean flagSet(TransferContext c, ApiEffect.When w, List<IASTExpression> args) {
        if (w.index() >= args.size() || args.get(w.index()) == null) return null;
        IASTExpression a = args.get(w.index());
        IASTExpression written = c.view.written(a);
        String t = (written != null ? written : a).getRawSignature().replaceAll("\\s+", " ").trim();
        for (List<int[]> in = parenthesised(t); in != null; in = parenthesised(t)) t = t.substring(1, t.length() - 1).trim();
        if (w.flag() == null) {
            String v = Ast.normalised(t);
            if (v.equals("0")) return false;
            if (v.equals("1") || v.matches("[1-9][0-9]*[uUlL]*")) return true;
            return null;
        }
        if (t.contains("||")) return null;
        boolean constant = true;
        for (String part : t.split("\\|")) {
            String op = part.trim();
            for (List<int[]> in = parenthesised(op); in != null; in = parenthesised(op)) op = op.substring(1, op.length() - 1).trim();
            if (op.equals(w.flag())) return true;
            boolean literal = op.matches("(0[xX])?[0-9a-fA-F]+[uUlL]*");
            boolean name = op.matches("[A-Za-z_]\\w*") && !c.facts.locals().contains(op) && !c.facts.params().containsKey(op);
            constant &= literal || name;
        }
        return constant ? false : null;
    }

    /**
     * A callee's requirement that holds only for some argument truths, at this call: null when an argument
     * rules it out or is not known; else the conditions it puts on this function's own parameters (the
     * argument is one of them, passed on), empty when it holds outright.
     */
    static Map<Integer, Boolean> carried(TransferContext c, Map<Integer, Boolean> when, List<IASTExpression> args) {
        Map<Integer, Boolean> out = new TreeMap<>();
        for (Map.Entry<Integer, Boolean> w : when.entrySet()) {
            Boolean t = holds(c, new ApiEffect.When(w.getKey(), null), args);
            String n = w.getKey() < args.size() ? name(args.get(w.getKey())) : null;
            if (t == null && n != null && c.st.core.paramTruth(n) != null) t = c.st.core.paramTruth(n);
            if (t != null) {
                if (!t.equals(w.getValue())) return null;
            } else if (n != null && c.facts.params().containsKey(n)) {
                out.put(c.facts.params().get(n), w.getValue());
            } else {
                return null;
            }
        }
        return out;
    }
}
