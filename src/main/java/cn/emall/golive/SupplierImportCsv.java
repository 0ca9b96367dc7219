package cn.emall.golive;

import cn.emall.platform.imports.CsvRow;
import cn.emall.document.MaterialRequest;

import java.util.List;
import java.util.Map;

/**
 * The CSV form of a supplier for the historical import: one row per supplier, with one
 * qualification document ({@code materialKind}, {@code materialRef}) and no listings. The column
 * {@code checkOverrideReason} is optional.
 */
final class SupplierImportCsv {

    static final List<String> REQUIRED = List.of("name", "creditCode", "legalRepresentative", "contactName",
            "contactPhone", "email", "region", "password", "admittedOn", "materialKind", "materialRef");
    static final List<String> OPTIONAL = List.of("checkOverrideReason");

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "materials", "materialKind",
            "materials[0].kind", "materialKind",
            "materials[0].documentRef", "materialRef");

    private SupplierImportCsv() {
    }

    static SupplierImportRequest read(CsvRow row) {
        String kind = row.text("materialKind");
        String ref = row.text("materialRef");
        List<MaterialRequest> materials = kind == null && ref == null
                ? List.of()
                : List.of(new MaterialRequest(kind, ref));
        return new SupplierImportRequest(row.text("name"), row.text("creditCode"), row.text("legalRepresentative"),
                row.text("contactName"), row.text("contactPhone"), row.text("email"), row.text("region"),
                row.text("password"), materials, row.date("admittedOn"), row.text("checkOverrideReason"), List.of());
    }

    /** The CSV column that holds a field of {@link SupplierImportRequest}. */
    static String columnOf(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }
}
