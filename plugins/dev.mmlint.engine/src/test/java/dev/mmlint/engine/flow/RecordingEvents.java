package dev.mmlint.engine.flow;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Events of the reporting pass, kept in the order the models raise them. */
final class RecordingEvents implements Events {
    final List<Event> events = new ArrayList<>();
    final Map<Integer, FunctionSummary.Requirement> required = new TreeMap<>();
    boolean reporting = true;

    @Override public void emit(Event e) { if (reporting) events.add(e); }
    @Override public boolean reporting() { return reporting; }
    @Override public void requiresHead(int param, FunctionSummary.Requirement r) { required.put(param, r); }
    @Override public boolean learning() { return true; }

    <T extends Event> List<T> of(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Event e : events) if (kind.isInstance(e)) out.add(kind.cast(e));
        return out;
    }

    static AppliedClause clause(String id, String rule) {
        return new AppliedClause(id, rule, Confidence.HIGH, true, false, "applies", id);
    }

    static PageValue.Origin at(int line) { return new PageValue.Origin(line, 1, "line " + line); }
}
