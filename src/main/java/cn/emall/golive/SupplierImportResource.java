package cn.emall.golive;

import cn.emall.platform.imports.CsvReader;
import cn.emall.platform.imports.CsvSource;
import cn.emall.platform.imports.JsonArraySource;
import cn.emall.platform.imports.LineSource;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** The historical import of suppliers admitted before the service went live, with their listings. */
@Path("/api/v1/imports/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suppliers")
public class SupplierImportResource {

    private static final MediaType CSV = MediaType.valueOf(CsvSource.MEDIA_TYPE);

    private final SupplierImportService imports;
    private final ObjectMapper json;
    private final CurrentUser user;

    public SupplierImportResource(SupplierImportService imports, ObjectMapper json, CurrentUser user) {
        this.imports = imports;
        this.json = json;
        this.user = user;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CsvSource.MEDIA_TYPE})
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "importSuppliers", summary = "Import suppliers admitted before the service went live, with their "
            + "listings, all or nothing: "
            + "200 {suppliers: [{creditCode, supplierId, products: [{brand, model, productId}]}]}, or 400 import-rejected "
            + "listing every refused line and nothing created",
            description = "Each supplier carries the fields of an application (checked as an application's are), "
                    + "admittedOn (not in the future), checkOverrideReason (required for a credit code that fails only its "
                    + "check character) and products [{categoryCode, brand, model, name, price, parameters, listedOn}], each "
                    + "checked against its category template, brand + model once per supplier, listed between admittedOn and "
                    + "today. A supplier is created ACTIVE from admittedOn and logs in with its credit code and password; its "
                    + "listings are LISTED from listedOn. A credit code with a pending or active supplier, a suspension, or a "
                    + "second line in the file is refused. When any line is refused nothing is created and the problem's lines "
                    + "list {line, field, message} for the first 1,000 problems, rejectedLines counts the refused lines. Line "
                    + "numbers: in a JSON array, element N is line N; in a CSV file the header is line 1 and the first data "
                    + "row line 2, as a spreadsheet numbers its rows. CSV (UTF-8 with or without BOM, RFC 4180 quoting) has "
                    + "no listings and one qualification document per supplier; its header names the columns in any order: "
                    + "name, creditCode, legalRepresentative, contactName, contactPhone, email, region, password, admittedOn, "
                    + "materialKind, materialRef and optionally checkOverrideReason.")
    public SupplierImportService.SupplierImportResult importSuppliers(
            @Context HttpHeaders headers,
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = SupplierImportRequest.class)),
                    @Content(mediaType = CsvSource.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                            example = "name,creditCode,legalRepresentative,contactName,contactPhone,email,region,password,"
                                    + "admittedOn,materialKind,materialRef\n"
                                    + "呼和浩特市示例科技有限公司,91150102MA0N3K7DXC,王伟,李娜,0471-6612345,sales@example.cn,"
                                    + "内蒙古自治区呼和浩特市,change-me-please,2021-03-15,BUSINESS_LICENSE,doc://licence/1\n")})
            InputStream body) {
        return imports.importSuppliers(user.name(), source(headers.getMediaType(), body));
    }

    private LineSource<SupplierImportRequest> source(MediaType type, InputStream body) {
        if (type != null && CSV.isCompatible(type)) {
            return new CsvSource<>(CsvReader.utf8(body), SupplierImportCsv.REQUIRED, SupplierImportCsv.OPTIONAL,
                    SupplierImportCsv::read, SupplierImportCsv::columnOf);
        }
        return new JsonArraySource<>(json, body, SupplierImportRequest.class);
    }
}
