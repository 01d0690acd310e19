package dev.mmlint.model.api;

import dev.mmlint.model.MmModel;
import org.eclipse.emf.ecore.EObject;

/** How a field of struct page / struct folio may be used: {@code field page.mapping: head_only;}. */
public final class FieldFact extends Fact {

    public FieldFact(EObject eObject) {
        super(eObject, "FieldFact");
    }

    public static FieldFact create(String struct, String field, FieldAccess access) {
        FieldFact f = new FieldFact(MmModel.create("FieldFact"));
        f.setStruct(struct);
        f.setField(field);
        f.setAccess(access);
        return f;
    }

    public String struct() { return str("struct"); }
    public void setStruct(String v) { set("struct", v); }
    /** field name, or "*" for every field of the struct */
    public String field() { return str("field"); }
    public void setField(String v) { set("field", v); }
    public FieldAccess access() { return enumValue("access", FieldAccess.class); }
    public void setAccess(FieldAccess v) { setEnum("access", v); }
}
