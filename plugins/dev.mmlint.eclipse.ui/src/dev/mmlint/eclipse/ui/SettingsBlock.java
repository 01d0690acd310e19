package dev.mmlint.eclipse.ui;

import dev.mmlint.eclipse.MmlintSettings;
import dev.mmlint.engine.api.RuleInfo;
import dev.mmlint.frontend.Budgets;
import dev.mmlint.model.api.KernelVersion;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The controls the preference page and the project property page share: each rule on/off with its
 * severity (the list comes from the checks), the kernel version and the Kconfig file overrides, and
 * the budgets.
 */
final class SettingsBlock {
    static final String[] SEVERITIES = {MmlintSettings.DEFAULT_SEVERITY, "error", "warning", "note"};

    private final List<RuleInfo> rules = MmlintSettings.rules();
    private final List<Button> enabled = new ArrayList<>();
    private final List<Combo> severity = new ArrayList<>();
    private Text kernelVersion;
    private Text config;
    private Text timeBudget;
    private Text functionBudget;
    private Text memoryBudget;
    private Composite root;

    Composite create(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        Group g = new Group(root, SWT.NONE);
        g.setText("Rules");
        g.setLayout(new GridLayout(2, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        for (RuleInfo r : rules) {
            Button b = new Button(g, SWT.CHECK);
            b.setText(r.id() + "  " + r.summary());
            b.setToolTipText(r.slug() + " (declared " + r.severity().label() + ", " + r.confidence().label() + " confidence)");
            Combo c = new Combo(g, SWT.READ_ONLY);
            c.setItems(SEVERITIES);
            c.setToolTipText("severity (" + MmlintSettings.DEFAULT_SEVERITY + ": " + r.severity().label() + ")");
            enabled.add(b);
            severity.add(c);
        }
        Group k = new Group(root, SWT.NONE);
        k.setText("Kernel");
        k.setLayout(new GridLayout(3, false));
        k.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(k, SWT.NONE).setText("Kernel version (empty: the tree's Makefile):");
        kernelVersion = new Text(k, SWT.BORDER);
        kernelVersion.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(k, SWT.NONE).setText("Kconfig file (empty: <tree>/.config):");
        config = new Text(k, SWT.BORDER);
        config.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(k, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> {
            String f = new FileDialog(browse.getShell(), SWT.OPEN).open();
            if (f != null) config.setText(f);
        });
        Group b = new Group(root, SWT.NONE);
        b.setText("Budgets (empty: .mmlint.json, else the default)");
        b.setLayout(new GridLayout(2, false));
        b.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        timeBudget = budgetField(b, "Time per file (default " + Budgets.seconds(Budgets.DEFAULT_FILE_TIME) + "):", "60s, 500ms, 2m, off");
        functionBudget = budgetField(b, "Time per function (default " + Budgets.seconds(Budgets.DEFAULT_FUNCTION_TIME) + "):", "10s, 500ms, off");
        memoryBudget = budgetField(b, "Memory per file (default " + Budgets.DEFAULT_MEMORY + " of the heap):", "50%, 2g, 512m, off");
        return root;
    }

    private static Text budgetField(Composite parent, String label, String examples) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setToolTipText("e.g. " + examples + "; a file or function over its budget is marked not analysed");
        return t;
    }

    void load(IEclipsePreferences n) {
        for (int i = 0; i < rules.size(); i++) {
            String id = rules.get(i).id();
            enabled.get(i).setSelection(n.getBoolean(MmlintSettings.enabledKey(id), true));
            String s = n.get(MmlintSettings.severityKey(id), MmlintSettings.DEFAULT_SEVERITY);
            int at = List.of(SEVERITIES).indexOf(s);
            severity.get(i).select(Math.max(0, at));
        }
        kernelVersion.setText(n.get(MmlintSettings.KERNEL_VERSION, ""));
        config.setText(n.get(MmlintSettings.CONFIG, ""));
        timeBudget.setText(n.get(MmlintSettings.TIME_BUDGET, ""));
        functionBudget.setText(n.get(MmlintSettings.FUNCTION_BUDGET, ""));
        memoryBudget.setText(n.get(MmlintSettings.MEMORY_BUDGET, ""));
    }

    void defaults() {
        enabled.forEach(b -> b.setSelection(true));
        severity.forEach(c -> c.select(0));
        kernelVersion.setText("");
        config.setText("");
        timeBudget.setText("");
        functionBudget.setText("");
        memoryBudget.setText("");
    }

    /** Why the values cannot be stored, or null. */
    String validate() {
        try {
            if (!timeBudget.getText().isBlank()) Budgets.parseTime(timeBudget.getText());
            if (!functionBudget.getText().isBlank()) Budgets.parseTime(functionBudget.getText());
            if (!memoryBudget.getText().isBlank()) Budgets.parseMemory(memoryBudget.getText());
        } catch (IllegalArgumentException e) {
            return "budget: " + e.getMessage();
        }
        String kv = kernelVersion.getText().trim();
        if (kv.isEmpty()) return null;
        try {
            KernelVersion.parse(kv);
            return null;
        } catch (RuntimeException e) {
            return "not a kernel version: '" + kv + "' (e.g. 6.12)";
        }
    }

    void store(IEclipsePreferences n) throws BackingStoreException {
        for (int i = 0; i < rules.size(); i++) {
            String id = rules.get(i).id();
            if (enabled.get(i).getSelection()) n.remove(MmlintSettings.enabledKey(id));
            else n.putBoolean(MmlintSettings.enabledKey(id), false);
            String s = SEVERITIES[Math.max(0, severity.get(i).getSelectionIndex())];
            if (MmlintSettings.DEFAULT_SEVERITY.equals(s)) n.remove(MmlintSettings.severityKey(id));
            else n.put(MmlintSettings.severityKey(id), s);
        }
        put(n, MmlintSettings.KERNEL_VERSION, kernelVersion.getText().trim());
        put(n, MmlintSettings.CONFIG, config.getText().trim());
        put(n, MmlintSettings.TIME_BUDGET, timeBudget.getText().trim());
        put(n, MmlintSettings.FUNCTION_BUDGET, functionBudget.getText().trim());
        put(n, MmlintSettings.MEMORY_BUDGET, memoryBudget.getText().trim());
        n.flush();
    }

    private static void put(IEclipsePreferences n, String key, String v) {
        if (v.isEmpty()) n.remove(key);
        else n.put(key, v);
    }

    void setEnabled(boolean on) { setEnabled(root, on); }

    private static void setEnabled(Composite c, boolean on) {
        for (var child : c.getChildren()) {
            child.setEnabled(on);
            if (child instanceof Composite cc) setEnabled(cc, on);
        }
    }
}
