package cn.emall.contract;

import cn.emall.client.ApiClient;
import cn.emall.client.ApiException;
import cn.emall.client.ApiResponse;
import cn.emall.client.api.AccountsApi;
import cn.emall.client.api.AuthenticationApi;
import cn.emall.client.api.CatalogueApi;
import cn.emall.client.api.SalesLedgerApi;
import cn.emall.client.api.SuppliersApi;
import cn.emall.client.model.ApplicationRequest;
import cn.emall.client.model.CategoryRequest;
import cn.emall.client.model.CategoryView;
import cn.emall.client.model.CreateAccount;
import cn.emall.client.model.ListingRequest;
import cn.emall.client.model.MaterialRequest;
import cn.emall.client.model.ParameterSpec;
import cn.emall.client.model.ParameterType;
import cn.emall.client.model.ProductStatus;
import cn.emall.client.model.ProductView;
import cn.emall.client.model.SaleLineKey;
import cn.emall.client.model.SaleLineRequest;
import cn.emall.client.model.SaleLineView;
import cn.emall.client.model.StaffRole;
import cn.emall.client.model.SupplierApplicationView;
import cn.emall.client.model.SupplierDecision;
import cn.emall.client.model.SupplierDecisionRequest;
import cn.emall.client.model.SupplierStatus;
import cn.emall.client.model.SupplierView;
import cn.emall.client.model.TokenRequest;
import cn.emall.testsupport.Api;
import cn.emall.testsupport.TestFiles;
import cn.emall.client.api.DocumentsApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first session and a sale, through the Java client that the build generates from the
 * served OpenAPI document (openapi-generator, pom.xml): what a newcomer's generated client does must
 * work against the service. The client refuses members the document does not name.
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI service;

    @Test
    void readmeFirstSessionAndASaleRunThroughTheGeneratedClient() throws ApiException, IOException {
        String officer = new AuthenticationApi(client(null))
                .logIn(new TokenRequest().username(Api.OFFICER).password(Api.OFFICER_PASSWORD)).getAccessToken();

        String code = Api.newCreditCode();
        Path licenceFile = Files.createTempFile("licence", ".pdf");
        Files.write(licenceFile, TestFiles.pdf("Business licence " + code));
        java.util.UUID licence = new DocumentsApi(client(null)).uploadDocument(licenceFile.toFile(), "BUSINESS_LICENSE").getId();
        SupplierApplicationView application = new SuppliersApi(client(null)).applyAsSupplier(new ApplicationRequest()
                .name("包头市北方办公设备有限公司 " + code.substring(10)).creditCode(code).legalRepresentative("王伟")
                .contactName("李娜").contactPhone("0472-5123456").email("sales@example.cn").region("内蒙古自治区包头市")
                .password("my-secret-1")
                .addMaterialsItem(new MaterialRequest().kind("BUSINESS_LICENSE").documentRef(licence)));
        assertEquals(SupplierStatus.PENDING, application.getStatus());

        SuppliersApi suppliersAsOfficer = new SuppliersApi(client(officer));
        List<SupplierView> pending = suppliersAsOfficer.searchSuppliers(0, code, 20, "PENDING").getItems();
        assertEquals(List.of(application.getSupplierId()), pending.stream().map(SupplierView::getId).toList());
        SupplierView approved = suppliersAsOfficer.decideApplication(application.getSupplierId(),
                new SupplierDecisionRequest().decision(SupplierDecision.APPROVE).reason("materials complete"));
        assertEquals(SupplierStatus.ACTIVE, approved.getStatus());

        String supplier = new AuthenticationApi(client(null))
                .logIn(new TokenRequest().username(code).password("my-secret-1")).getAccessToken();
        SupplierView me = new SuppliersApi(client(supplier)).getOwnSupplier();
        assertEquals(application.getSupplierId(), me.getId());
        assertEquals(approved.getAdmittedOn(), me.getAdmittedOn());

        String categoryCode = "LASER-PRINTER-" + code.substring(10, 17);
        CategoryView category = new CatalogueApi(client(officer)).createCategory(new CategoryRequest().code(categoryCode)
                .name("激光打印机")
                .addParametersItem(new ParameterSpec().name("打印速度").type(ParameterType.NUMBER).unit("页/分钟")
                        .min(BigDecimal.TEN).max(BigDecimal.valueOf(120)).required(true))
                .addParametersItem(new ParameterSpec().name("幅面").type(ParameterType.ENUM).values(List.of("A4", "A3"))
                        .required(true))
                .addParametersItem(new ParameterSpec().name("双面打印").type(ParameterType.BOOLEAN).required(false)));
        assertEquals(3, category.getParameters().size());

        ListingRequest listing = new ListingRequest().categoryCode(categoryCode).brand("惠普").model("LaserJet Pro 4104dw")
                .name("惠普 LaserJet Pro 4104dw 黑白激光打印机").price(new BigDecimal("2899.00"))
                .putParametersItem("打印速度", 40).putParametersItem("幅面", "A4").putParametersItem("双面打印", true);
        ProductView product = new CatalogueApi(client(supplier)).createListing(listing);
        assertEquals(ProductStatus.LISTED, product.getStatus());
        assertEquals(0, new BigDecimal("2899.00").compareTo(product.getPrice()));
        ApiException refused = assertThrows(ApiException.class, () -> new CatalogueApi(client(supplier))
                .createListing(listing.putParametersItem("幅面", "B5")));
        assertEquals(400, refused.getCode());

        String ordersName = "orders-" + code.substring(10, 17).toLowerCase(java.util.Locale.ROOT);
        new AccountsApi(client(officer)).createAccount(new CreateAccount().username(ordersName).password("orders-secret-1")
                .role(StaffRole.ORDER_SYSTEM));
        String orders = new AuthenticationApi(client(null))
                .logIn(new TokenRequest().username(ordersName).password("orders-secret-1")).getAccessToken();

        SalesLedgerApi ledger = new SalesLedgerApi(client(orders));
        String orderNo = Api.newOrderNo();
        SaleLineRequest sale = new SaleLineRequest().orderNo(orderNo).lineNo(1).supplierId(me.getId())
                .productId(product.getId()).buyer("包头市财政局").quantity(3).unitPrice(new BigDecimal("2899.00"))
                .amount(new BigDecimal("8697.00"))
                .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS));
        ApiResponse<SaleLineView> stored = ledger.recordSaleWithHttpInfo(sale);
        assertEquals(201, stored.getStatusCode());
        assertEquals(List.of("/api/v1/sales/" + stored.getData().getId()),
                stored.getHeaders().get("location").stream().map(location -> URI.create(location).getPath()).toList());
        assertEquals(0, new BigDecimal("8697.00").compareTo(stored.getData().getAmount()));
        ApiResponse<SaleLineView> again = ledger.recordSaleWithHttpInfo(sale);
        assertEquals(200, again.getStatusCode());
        assertEquals(stored.getData().getId(), again.getData().getId());

        SaleLineView saleReturn = ledger.recordSale(new SaleLineRequest().orderNo(orderNo + "-R").lineNo(1)
                .supplierId(me.getId()).productId(product.getId()).buyer("包头市财政局").quantity(-1)
                .unitPrice(new BigDecimal("2899.00")).amount(new BigDecimal("-2899.00")).occurredAt(sale.getOccurredAt())
                .refersTo(new SaleLineKey().orderNo(orderNo).lineNo(1)));
        assertEquals(stored.getData().getId(), saleReturn.getRefersTo().getId());

        List<SaleLineView> own = new SalesLedgerApi(client(supplier)).listSales(null, 0, null, 20, null, null).getItems();
        assertTrue(own.stream().map(SaleLineView::getOrderNo).toList().containsAll(List.of(orderNo, orderNo + "-R")),
                "the supplier reads its ledger: " + own);
    }

    /** A client of the service; with a token when given one. It refuses answers with members the document lacks. */
    private ApiClient client(String token) {
        ObjectMapper strict = ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), strict,
                service.toString().replaceAll("/$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
