package mmlint.custom;

import dev.mmlint.model.api.KernelVersion;
import java.util.function.Supplier;

/** A custom rule stand-in: compiles against the running class path (the model API) and runs. */
public class UsesModel implements Supplier<String> {
    @Override
    public String get() {
        return "custom rules see kernel " + KernelVersion.parse("6.18");
    }
}
