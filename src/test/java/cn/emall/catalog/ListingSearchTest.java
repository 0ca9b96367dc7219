package cn.emall.catalog;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Listing search: filters, text (with LIKE's own characters taken literally), paging in id order, totals. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingSearchTest {

    private String officer;
    private String category;
    private Api.Admitted supplier;
    private final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void listings() {
        if (officer != null) {
            return;
        }
        officer = Api.officerToken();
        category = Api.category(officer);
        supplier = Api.admittedSupplier(officer);
        for (int i = 0; i < 25; i++) {
            String model = switch (i) {
                case 3 -> "Promo 50% off";
                case 4 -> "Promo 50 x off";
                case 5 -> "Type A_1";
                case 6 -> "Type AB1";
                default -> "Std-" + i;
            };
            Map<String, Object> listing = new HashMap<>(Api.listing(category, model));
            ids.add(((Number) Api.as(supplier.token()).body(listing).post("/api/v1/products")
                    .then().statusCode(201).extract().path("id")).longValue());
        }
        Api.as(officer).body(Map.of("reason", "参数不实")).post("/api/v1/products/" + ids.get(7) + "/takedown")
                .then().statusCode(200);
    }

    private JsonPath search(String query) {
        return Api.as(officer).get("/api/v1/products?categoryCode=" + category + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void pagesGoInIdOrderAndTheTotalCountsEveryMatch() {
        JsonPath first = search("size=10&page=0");
        JsonPath last = search("size=10&page=2");
        assertEquals(25, first.getInt("total"));
        assertEquals(ids.subList(0, 10), first.getList("items.id", Long.class));
        assertEquals(ids.subList(20, 25), last.getList("items.id", Long.class));
        assertEquals(List.of(), search("size=10&page=3").getList("items"));
    }

    @Test
    void statusFiltersTheListingsAndTheTotal() {
        assertEquals(24, search("status=LISTED&size=200").getInt("total"));
        JsonPath down = search("status=TAKEN_DOWN");
        assertEquals(1, down.getInt("total"));
        assertEquals(List.of(ids.get(7)), down.getList("items.id", Long.class));
    }

    @Test
    void textIsMatchedLiterallyAndWithoutRegardToCase() {
        assertEquals(List.of(ids.get(3)), search("q=50%").getList("items.id", Long.class), "% is a percent sign");
        assertEquals(List.of(ids.get(5)), search("q=a_1").getList("items.id", Long.class), "_ is an underscore");
        assertEquals(List.of(ids.get(3), ids.get(4)), search("q=PROMO").getList("items.id", Long.class));
        assertEquals(25, search("q=联想").getInt("total"), "brand matches too");
    }

    @Test
    void aSupplierSeesOnlyItsOwnListings() {
        Api.Admitted other = Api.admittedSupplier(officer);
        assertEquals(0, Api.as(other.token()).get("/api/v1/products?categoryCode=" + category)
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        assertEquals(25, Api.as(supplier.token()).get("/api/v1/products?categoryCode=" + category)
                .then().statusCode(200).extract().jsonPath().getInt("total"));
    }
}
