package cn.emall.events;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owners of state write their events with their changes: a supplier's story, read back from the feed. */
@QuarkusTest
class EventEmissionTest {

    @Test
    void aSuppliersStoryAppearsInTheFeedInOrderWithWhatAReceiverNeeds() {
        String officer = Api.officerToken();
        String start = end(officer);

        Api.Admitted supplier = Api.admittedSupplier(officer);
        String category = Api.category(officer);
        long product = Api.listProduct(supplier.token(), category);
        as(officer).body(Map.of("reason", "图片与参数不符")).post("/api/v1/products/" + product + "/takedown").then().statusCode(200);
        as(supplier.token()).post("/api/v1/products/" + product + "/relist").then().statusCode(200);
        long notice = ((Number) as(officer).body(Map.of("supplierId", supplier.id(), "subject", "价格核查", "body", "请说明定价依据",
                "workingDays", 5)).post("/api/v1/notices").then().statusCode(201).extract().path("id")).longValue();
        as(supplier.token()).body(Map.of("message", "定价依据见附件")).post("/api/v1/notices/" + notice + "/response")
                .then().statusCode(200);
        as(supplier.token()).post("/api/v1/products/" + product + "/withdraw").then().statusCode(200);

        List<Map<String, Object>> events = read(officer, start).stream()
                .filter(e -> String.valueOf(((Map<?, ?>) e.get("data")).get("supplierId")).equals(String.valueOf(supplier.id())))
                .toList();
        List<String> types = events.stream().map(e -> (String) e.get("type")).toList();
        assertEquals(List.of("supplier.applied", "supplier.admitted", "listing.listed", "listing.taken-down", "notice.issued",
                "listing.relisted", "notice.closed", "notice.issued", "notice.closed", "listing.withdrawn"), types);

        Map<?, ?> admitted = (Map<?, ?>) events.get(1).get("data");
        assertEquals(supplier.creditCode(), admitted.get("creditCode"));
        Map<?, ?> rectification = (Map<?, ?>) events.get(4).get("data");
        assertEquals("RECTIFICATION", rectification.get("kind"));
        assertTrue(rectification.get("deadline") instanceof String, "the deadline as a date: " + rectification);
        Map<?, ?> handled = (Map<?, ?>) events.get(6).get("data");
        assertEquals("HANDLED", handled.get("outcome"));
        Map<?, ?> processing = (Map<?, ?>) events.get(7).get("data");
        assertEquals("PROCESSING", processing.get("kind"));
        assertEquals((int) notice, ((Number) processing.get("noticeId")).intValue());
        events.forEach(e -> assertTrue(((Map<?, ?>) e.get("subject")).get("kind") != null));
        assertEquals(events.size(), events.stream().map(e -> e.get("id")).distinct().count(), "every event its own id");
    }

    private static String end(String officer) {
        String cursor = null;
        while (true) {
            var request = as(officer).queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("next");
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
        }
    }

    private static List<Map<String, Object>> read(String officer, String after) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath page = as(officer).queryParam("limit", 1000).queryParam("after", cursor).get("/api/v1/events")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return all;
            }
            all.addAll(items);
            cursor = page.getString("next");
        }
    }
}
