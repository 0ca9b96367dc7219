package cn.emall.ledger;

import cn.emall.platform.imports.CsvReader;
import cn.emall.platform.imports.CsvSource;
import cn.emall.platform.imports.JsonArraySource;
import cn.emall.platform.imports.LineSource;
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

/** The historical import of ledger lines, for going live with years of history. */
@Path("/api/v1/imports/sales")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales ledger")
public class SalesImportResource {

    private static final MediaType CSV = MediaType.valueOf(CsvSource.MEDIA_TYPE);

    private final SalesImportService imports;
    private final ObjectMapper json;

    public SalesImportResource(SalesImportService imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, CsvSource.MEDIA_TYPE})
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "importSales", summary = "Import historical ledger lines, all or nothing: 200 {lines, created, "
            + "alreadyStored}, "
            + "or 400 import-rejected listing every refused line and nothing stored",
            description = "The body is streamed, so files of 100,000 lines and more are fine. Each line is checked as "
                    + "POST /api/v1/sales checks it, except that the supplier must have been active on the day of the "
                    + "sale (admitted by then, not yet terminated) rather than today; a line already stored with the same "
                    + "content counts as alreadyStored. When any line is refused, nothing is stored and the problem's "
                    + "lines list {line, field, message} for the first 1,000 problems, rejectedLines counts the refused "
                    + "lines and errorCount the problems. Line numbers: in a JSON array, element N is line N; in a CSV "
                    + "file the header is line 1 and the first data row line 2, as a spreadsheet numbers its rows (a line "
                    + "break inside a quoted cell does not start a new row). CSV: UTF-8 with or without BOM, RFC 4180 "
                    + "quoting; the header names the columns in any order: orderNo, lineNo, supplierId, productId, buyer, "
                    + "quantity, unitPrice, amount, occurredAt (ISO-8601 with offset) and, for returns, refersToOrderNo "
                    + "and refersToLineNo; an unknown or missing column refuses the file (400 import-columns).")
    public SalesImportService.SalesImportResult importSales(
            @Context HttpHeaders headers,
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = SaleLineRequest.class)),
                    @Content(mediaType = CsvSource.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                            example = "orderNo,lineNo,supplierId,productId,buyer,quantity,unitPrice,amount,occurredAt,"
                                    + "refersToOrderNo,refersToLineNo\n"
                                    + "ZC-2023-0001,1,12,34,呼和浩特市第一中学,2,4999.00,9998.00,2023-03-01T10:00:00+08:00,,\n")})
            InputStream body) {
        return imports.importLines(source(headers.getMediaType(), body));
    }

    private LineSource<SaleLineRequest> source(MediaType type, InputStream body) {
        if (type != null && CSV.isCompatible(type)) {
            return new CsvSource<>(CsvReader.utf8(body), SaleLineCsv.REQUIRED, SaleLineCsv.OPTIONAL, SaleLineCsv::read,
                    SaleLineCsv::columnOf);
        }
        return new JsonArraySource<>(json, body, SaleLineRequest.class);
    }
}
