package cn.emall.golive;

import cn.emall.catalog.ListingRequest;
import cn.emall.platform.openapi.MoneySchema;
import cn.emall.supplier.ApplicationRequest;
import cn.emall.document.MaterialRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One supplier of a historical import: the fields of an application, the admission date (入驻日期)
 * the rules count from, and its listings. The application's and the listings' fields are checked by
 * the same rules as {@code POST /api/v1/supplier-applications} and {@code POST /api/v1/products}
 * ({@link #application()}, {@link ProductImport#listing()}).
 *
 * @param checkOverrideReason why a credit code that fails only its check character (an early pilot
 *                            code) is admitted; required for such a code
 */
@Schema(description = "One supplier of a historical import: the fields of an application, the admission date and its listings")
public record SupplierImportRequest(
        String name,
        String creditCode,
        String legalRepresentative,
        String contactName,
        String contactPhone,
        String email,
        String region,
        String password,
        List<MaterialRequest> materials,
        @NotNull LocalDate admittedOn,
        @Size(max = 2000) String checkOverrideReason,
        @Size(max = SupplierImportRequest.MAX_PRODUCTS, message = "{AT_MOST_LISTINGS}") List<ProductImport> products) {

    /** The most listings one supplier of an import may carry. */
    public static final int MAX_PRODUCTS = 1000;

    /**
     * A listing of the imported supplier, listed since {@code listedOn} (between the admission and today).
     */
    @Schema(name = "SupplierImportListing", description = "A listing of an imported supplier, listed since listedOn")
    public record ProductImport(String categoryCode, String brand, String model, String name,
                                @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.PRICE,
                                        examples = "4999.00", description = "The price in yuan, more than "
                                                + "0." + MoneySchema.REQUEST_NOTE)
                                BigDecimal price,
                                Map<String, Object> parameters, @NotNull LocalDate listedOn) {

        /** The listing's fields, to be checked as a new listing's are. */
        public ListingRequest listing() {
            return new ListingRequest(categoryCode, brand, model, name, price, parameters);
        }
    }

    /** The application's fields, to be checked as an application's are. */
    public ApplicationRequest application() {
        return new ApplicationRequest(name, creditCode, legalRepresentative, contactName,
                contactPhone, email, region, password, materials);
    }

    /** The listings; none when the field is left out. */
    public List<ProductImport> productsOrNone() {
        return products == null ? List.of() : products;
    }
}
