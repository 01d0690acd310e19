package mmlint.custom;

public class Broken implements java.util.function.Supplier<String> {
    @Override
    public String get() {
        int pages = "not a number";
        return null;
    }
}
