package cn.emall.hardening;

import cn.emall.testsupport.Api;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Who may do what" (SPEC.md) as a declared table: every operation of the API, and for every caller the
 * answer it gets. A forbidden caller gets exactly 401 (no token), 403 (wrong role) or 404 (another
 * supplier's object, which must not be revealed to exist); an allowed one gets one of the listed answers.
 * Every refusal is application/problem+json. The OpenAPI document is checked against the table both ways,
 * so that a new endpoint without a row fails here.
 */
@QuarkusTest
class AccessTableTest {

    private static final Logger LOG = Logger.getLogger(AccessTableTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    private static World world;

    /**
     * One operation: how to call it on the fixtures, and the answers per caller. {@code path} gives the
     * request path (template filled in, query added); {@code body} a fresh JSON body per call, or null.
     */
    record Access(String method, String template, Function<World, String> path, Function<World, Object> body,
                  Map<Caller, Set<Integer>> expected, String query) {

        /** The placeholder of the template filled in with the fixture's id. */
        Access id(Function<World, Object> id) {
            return new Access(method, template, w -> template.replaceFirst("\\{[^}]+}", String.valueOf(id.apply(w))),
                    body, expected, query);
        }

        /** The request with this query; a row of its own when the query changes who may ask (a second row per operation). */
        Access query(String newQuery) {
            return new Access(method, template, w -> path.apply(w) + "?" + newQuery, body, expected, newQuery);
        }

        Access body(Function<World, Object> newBody) {
            return new Access(method, template, path, newBody, expected, query);
        }

        String key() {
            return method + " " + template;
        }

        /** The operation and its query: what makes a row unique. */
        String row() {
            return query == null ? key() : key() + "?" + query;
        }
    }

    /**
     * A row: the answers in the order ANONYMOUS | SUPPLIER_A | SUPPLIER_B | ORDER_SYSTEM | OFFICER, each
     * one status or several separated by '/'.
     */
    static Access row(String method, String template, String answers) {
        String[] columns = answers.split("\\|");
        Caller[] callers = Caller.values();
        if (columns.length != callers.length) {
            throw new IllegalArgumentException(method + " " + template + ": " + callers.length + " columns expected");
        }
        Map<Caller, Set<Integer>> expected = new EnumMap<>(Caller.class);
        for (int i = 0; i < callers.length; i++) {
            expected.put(callers[i], Arrays.stream(columns[i].trim().split("/")).map(String::trim).map(Integer::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return new Access(method, template, w -> template, null, expected, null);
    }

    private static String now() {
        return Api.justNow();
    }

    /**
     * The table. Rows run top to bottom and callers left to right, so a row that changes state (takedown,
     * relist, withdraw, answer, decisions, the clock) comes after every row that reads that object, and
     * the allowed caller (usually rightmost) changes it only after the others were refused.
     */
    static List<Access> table() {
        return List.of(
                //                                                      ANON | SUPP_A | SUPP_B | ORDERS | OFFICER
                // Public: registration, log-in, the board, categories, the calendar.
                row("POST", "/api/v1/auth/token",                       " 200 |  200   |  200   |  200   |  200")
                        .body(w -> Map.of("username", Api.OFFICER, "password", Api.OFFICER_PASSWORD)),
                row("POST", "/api/v1/supplier-applications",            " 201 |  201   |  201   |  201   |  201")
                        .body(w -> World.application()),
                row("GET", "/api/v1/announcements",                     " 200 |  200   |  200   |  200   |  200"),
                row("GET", "/api/v1/categories",                        " 200 |  200   |  200   |  200   |  200"),
                row("GET", "/api/v1/categories/{code}",                 " 200 |  200   |  200   |  200   |  200")
                        .id(w -> w.category),
                row("GET", "/api/v1/calendar/deadline",                 " 200 |  200   |  200   |  200   |  200")
                        .query("from=2024-09-27&workingDays=3"),
                row("GET", "/api/v1/calendar/{year}",                   " 200 |  200   |  200   |  200   |  200")
                        .id(w -> 2024),
                // Documents: applicants upload without a login; a document is read by officers and its supplier only.
                row("POST", "/api/v1/documents",                        " 201 |  201   |  201   |  403   |  201")
                        .body(w -> World.upload()),
                row("GET", "/api/v1/documents/{id}",                    " 404 |  200   |  404   |  404   |  200")
                        .id(w -> w.documentOfA),
                row("GET", "/api/v1/documents/{id}/meta",               " 404 |  200   |  404   |  404   |  200")
                        .id(w -> w.documentOfA),
                // The change feed: for the operator's and the order system's integrations, not for suppliers.
                row("GET", "/api/v1/events",                            " 401 |  403   |  403   |  200   |  200")
                        .query("limit=5"),

                // A supplier's own objects: B gets 404 for A's, the order system 403.
                row("GET", "/api/v1/suppliers/me",                      " 401 |  200   |  200   |  403   |  403"),
                row("GET", "/api/v1/suppliers/{id}",                    " 401 |  200   |  404   |  403   |  200")
                        .id(w -> w.a.id()),
                row("GET", "/api/v1/suppliers/{id}/credit",             " 401 |  200   |  404   |  403   |  200")
                        .id(w -> w.a.id()),
                row("GET", "/api/v1/products",                          " 401 |  200   |  200   |  403   |  200"),
                row("GET", "/api/v1/products/{id}",                     " 401 |  200   |  404   |  403   |  200")
                        .id(w -> w.product),
                row("GET", "/api/v1/notices",                           " 401 |  200   |  200   |  403   |  200"),
                // Notices whose e-mail could not be delivered: every officer's, a supplier's own.
                row("GET", "/api/v1/notices",                           " 401 |  200   |  200   |  403   |  200")
                        .query("delivery=FAILED"),
                row("GET", "/api/v1/notices/{id}",                      " 401 |  200   |  404   |  403   |  200")
                        .id(w -> w.processingNotice),
                row("GET", "/api/v1/appeals/{id}",                      " 401 |  200   |  404   |  403   |  200")
                        .id(w -> w.appeal),
                row("GET", "/api/v1/sales",                             " 401 |  200   |  200   |  403   |  200"),
                row("GET", "/api/v1/sales/{id}",                        " 401 |  200   |  404   |  200   |  200")
                        .id(w -> w.sale),

                // Officers' reading.
                row("GET", "/api/v1/suppliers",                         " 401 |  403   |  403   |  403   |  200"),
                row("GET", "/api/v1/appeals",                           " 401 |  403   |  403   |  403   |  200"),
                row("GET", "/api/v1/audit",                             " 401 |  403   |  403   |  403   |  200"),
                row("GET", "/api/v1/categories/{code}/nonconforming-products",
                                                                        " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.category),
                row("GET", "/api/v1/cleanup-runs",                      " 401 |  403   |  403   |  403   |  200"),
                row("GET", "/api/v1/cleanup-runs/{id}",                 " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.run),
                row("GET", "/api/v1/cleanup-runs/{id}/actions",         " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.run),
                row("GET", "/api/v1/cleanup-runs/{id}/report.csv",      " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.run),
                row("GET", "/api/v1/cleanup-runs/{id}/report.xlsx",     " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.run),
                row("GET", "/api/v1/sandbox/clock",                     " 401 |  403   |  403   |  403   |  200"),
                row("GET", "/api/v1/webhooks",                          " 401 |  403   |  403   |  403   |  200"),
                row("GET", "/api/v1/webhooks/{id}",                     " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.webhook),
                row("GET", "/api/v1/webhooks/{id}/deliveries",          " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.webhook),

                // Creating.
                row("POST", "/api/v1/products",                         " 401 |  201   |  201   |  403   |  403")
                        .body(w -> Api.listing(w.category, "HX-" + World.next())),
                row("PUT", "/api/v1/products/{id}",                     " 401 |  200   |  404   |  403   |  403")
                        .id(w -> w.product).body(w -> Api.listing(w.category, w.productModel)),
                row("POST", "/api/v1/sales",                            " 401 |  403   |  403   |  201   |  403")
                        .body(w -> Api.sale(Api.newOrderNo(), 1, w.a.id(), w.product, 1, "4999.00", now())),
                row("POST", "/api/v1/sales/batch",                      " 401 |  403   |  403   |  200   |  403")
                        .body(w -> List.of(Api.sale(Api.newOrderNo(), 1, w.a.id(), w.product, 1, "4999.00", now()))),
                row("POST", "/api/v1/categories",                       " 401 |  403   |  403   |  403   |  201")
                        .body(w -> World.categoryBody("HX-" + World.next())),
                row("PUT", "/api/v1/categories/{code}",                 " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.spareCategory).body(w -> World.categoryBody(w.spareCategory)),
                row("PUT", "/api/v1/calendar/{year}",                   " 401 |  403   |  403   |  403   |  200")
                        .id(w -> World.SPARE_CALENDAR_YEAR).body(w -> World.spareCalendar()),
                // Every account's own password; with a wrong current one nothing changes.
                row("PUT", "/api/v1/accounts/me/password",              " 401 |  400   |  400   |  400   |  400")
                        .body(w -> Map.of("currentPassword", "not-the-password", "newPassword", "a-new-password-1")),
                row("GET", "/api/v1/accounts",                          " 401 |  403   |  403   |  403   |  200"),
                row("GET", "/api/v1/accounts/{id}",                     " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.staffAccount),
                row("POST", "/api/v1/accounts",                         " 401 |  403   |  403   |  403   |  201")
                        .body(w -> Map.of("username", "hx-" + World.next(), "password", "orders-password",
                                "role", "ORDER_SYSTEM")),
                row("POST", "/api/v1/notices",                          " 401 |  403   |  403   |  403   |  201")
                        .body(w -> Map.of("supplierId", w.a.id(), "subject", "补充资质材料", "body", "请补充资质材料",
                                "workingDays", 5)),
                row("POST", "/api/v1/webhooks",                         " 401 |  403   |  403   |  403   |  201")
                        .body(w -> World.webhookBody()),
                // The receiver's port is closed: the test message is sent, fails, and is recorded (200).
                row("POST", "/api/v1/webhooks/{id}/test",               " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.webhook),
                row("DELETE", "/api/v1/webhooks/{id}",                  " 401 |  403   |  403   |  403   |  204")
                        .id(w -> w.deletableWebhook),
                row("POST", "/api/v1/cleanup-runs",                     " 401 |  403   |  403   |  403   |  201")
                        .body(w -> Map.of("dryRun", true)),
                row("POST", "/api/v1/imports/suppliers",                " 401 |  403   |  403   |  403   |  200/400")
                        .body(w -> List.of()),
                row("POST", "/api/v1/imports/sales",                    " 401 |  403   |  403   |  403   |  200/400")
                        .body(w -> List.of()),

                // Changing state: each after the rows that read the same object.
                row("POST", "/api/v1/products/{id}/takedown",           " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.takedownProduct).body(w -> Map.of("reason", "图片与参数不符")),
                row("POST", "/api/v1/products/{id}/relist",             " 401 |  200   |  404   |  403   |  403")
                        .id(w -> w.takedownProduct),
                row("POST", "/api/v1/products/{id}/withdraw",           " 401 |  200   |  404   |  403   |  403")
                        .id(w -> w.withdrawProduct),
                row("POST", "/api/v1/notices/{id}/response",            " 401 |  200   |  404   |  403   |  403")
                        .id(w -> w.processingNotice).body(w -> Map.of("message", "定价依据见附件")),
                // A appealed in the fixtures already: A gets "already appealed", which still says A may appeal.
                row("POST", "/api/v1/notices/{id}/appeal",              " 401 |  201/409 | 404 |  403   |  403")
                        .id(w -> w.delistingNotice).body(w -> Map.of("reason", "有销售业绩",
                                "materials", List.of(Api.contract(w.a.token())))),
                row("POST", "/api/v1/appeals/{id}/decision",            " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.appeal).body(w -> Map.of("decision", "ACCEPT", "reason", "核实有销售业绩")),
                row("POST", "/api/v1/suppliers/{id}/decision",          " 401 |  403   |  403   |  403   |  200")
                        .id(w -> w.pending).body(w -> Map.of("decision", "REJECT", "reason", "资质材料不全")),
                // The clock is set to "now" and at once put back: the other tests rely on the real clock.
                row("PUT", "/api/v1/sandbox/clock",                     " 401 |  403   |  403   |  403   |  200")
                        .body(w -> Map.of("now", now())),
                row("DELETE", "/api/v1/sandbox/clock",                  " 401 |  403   |  403   |  403   |  200"));
    }

    @BeforeEach
    void setUp() {
        if (world == null) {
            world = World.create(dataSource);
        }
    }

    @Test
    void everyCallerGetsTheAnswerTheAccessTableDeclaresAndEveryRefusalIsAProblem() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        try {
            for (Access access : table()) {
                for (Caller caller : Caller.values()) {
                    calls++;
                    Response response = send(access, caller);
                    int status = response.statusCode();
                    Set<Integer> expected = access.expected().get(caller);
                    if (!expected.contains(status)) {
                        wrong.add(access.key() + " as " + caller + ": expected " + expected + ", got " + status + " "
                                + abbreviate(response.asString()));
                    }
                    if (status >= 300 && !String.valueOf(response.contentType()).startsWith(PROBLEM)) {
                        wrong.add(access.key() + " as " + caller + ": " + status + " answered as '"
                                + response.contentType() + "', not " + PROBLEM);
                    }
                }
            }
        } finally {
            Api.as(world.officer).delete("/api/v1/sandbox/clock").then().statusCode(200);
        }
        LOG.infof("Access table: %d operations x %d callers = %d calls, %d wrong", table().size(),
                Caller.values().length, calls, wrong.size());
        wrong.forEach(LOG::warn);
        HardeningResults.put(Map.of("accessCasesTried", calls, "accessViolations", wrong.size()));
        assertTrue(wrong.isEmpty(), wrong.size() + " answers differ from the access table:\n" + String.join("\n", wrong));
    }

    @Test
    void everyOperationOfTheOpenApiDocumentHasARowInTheAccessTable() {
        Set<String> rows = table().stream().map(Access::key).collect(Collectors.toSet());
        List<String> missing = OpenApiDocument.fetch().operations().stream().map(OpenApiDocument.Operation::key)
                .filter(key -> !rows.contains(key)).sorted().toList();
        assertEquals(List.of(), missing, "operations without a row in AccessTableTest.table(): say who may call them");
    }

    @Test
    void everyRowOfTheAccessTableIsAnOperationOfTheOpenApiDocument() {
        Set<String> documented = OpenApiDocument.fetch().operations().stream().map(OpenApiDocument.Operation::key)
                .collect(Collectors.toSet());
        List<String> rows = table().stream().map(Access::row).toList();
        assertEquals(rows.size(), new LinkedHashSet<>(rows).size(), "one row per operation and query");
        List<String> keys = table().stream().map(Access::key).toList();
        assertEquals(List.of(), keys.stream().filter(key -> !documented.contains(key)).toList(),
                "rows for operations the OpenAPI document does not have");
    }

    /**
     * The officers' console is HTML, not API: no operation of the document, and no page without its own
     * session. Every console route (found in the classes, so that a new page is covered without a row),
     * called with each caller's bearer token and no session cookie, is sent to the sign-in page; and
     * every console resource but the sign-in page is behind the session gate.
     */
    @Test
    void everyConsolePageWantsItsOwnSessionWhateverTokenIsSent() {
        List<String> wrong = new ArrayList<>();
        List<String[]> routes = ConsoleRoutes.all();
        assertTrue(routes.size() >= 10, "console routes found: " + routes.size());
        for (String[] route : routes) {
            for (Caller caller : Caller.values()) {
                RequestSpecification request = world.call(caller).redirects().follow(false);
                if (route[0].equals("POST")) {
                    request.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("probe", "1");
                }
                Response response = request.request(route[0], route[1]);
                String location = String.valueOf(response.header("Location"));
                if (response.statusCode() != 303 || !location.replaceFirst("^https?://[^/]+", "").startsWith("/console/login")) {
                    wrong.add(route[0] + " " + route[1] + " as " + caller + ": " + response.statusCode() + " " + location);
                }
            }
        }
        assertEquals(List.of(), wrong, "console routes that answered without a session");
        assertEquals(List.of(), ConsoleRoutes.outsideTheGate(), "console resources that are not @SignedIn");
        assertEquals(List.of(), OpenApiDocument.fetch().operations().stream().map(OpenApiDocument.Operation::key)
                .filter(key -> key.contains(" /console")).toList(), "console pages in the OpenAPI document");
    }

    @Test
    void fieldsACallerMayNotSetAreRefusedOrIgnored() {
        List<String> wrong = new ArrayList<>();
        Map<String, Object> listing = new HashMap<>(Api.listing(world.category, "HX-" + World.next()));
        listing.put("status", "WITHDRAWN");
        refusedOrIgnored(wrong, "a listing's status", world.call(Caller.SUPPLIER_A), "POST", "/api/v1/products",
                listing, "status", "WITHDRAWN");

        listing = new HashMap<>(Api.listing(world.category, "HX-" + World.next()));
        listing.put("supplierId", world.b.id());
        refusedOrIgnored(wrong, "a listing's supplier id", world.call(Caller.SUPPLIER_A), "POST", "/api/v1/products",
                listing, "supplierId", world.b.id());

        listing = new HashMap<>(Api.listing(world.category, "HX-" + World.next()));
        listing.put("listedOn", "2020-01-01");
        refusedOrIgnored(wrong, "a listing's listing date", world.call(Caller.SUPPLIER_A), "POST", "/api/v1/products",
                listing, "listedOn", "2020-01-01");

        listing = new HashMap<>(Api.listing(world.category, world.productModel));
        listing.put("supplierId", world.b.id());
        refusedOrIgnored(wrong, "a listing's supplier id on correction", world.call(Caller.SUPPLIER_A), "PUT",
                "/api/v1/products/" + world.product, listing, "supplierId", world.b.id());

        Map<String, Object> application = new HashMap<>(World.application());
        application.put("status", "ACTIVE");
        refusedOrIgnored(wrong, "an applicant's status", world.call(Caller.ANONYMOUS), "POST",
                "/api/v1/supplier-applications", application, "status", "ACTIVE");

        application = new HashMap<>(World.application());
        application.put("admittedOn", "2020-01-01");
        refusedOrIgnored(wrong, "an applicant's admission date", world.call(Caller.ANONYMOUS), "POST",
                "/api/v1/supplier-applications", application, "admittedOn", "2020-01-01");

        long notice = ((Number) Api.as(world.officer).body(Map.of("supplierId", world.a.id(), "subject", "价格核查",
                "body", "请说明定价依据", "workingDays", 5)).post("/api/v1/notices").then().statusCode(201)
                .extract().path("id")).longValue();
        refusedOrIgnored(wrong, "a notice's status set by its answer", world.call(Caller.SUPPLIER_A), "POST",
                "/api/v1/notices/" + notice + "/response", Map.of("message", "已整改", "status", "WITHDRAWN"),
                "status", "WITHDRAWN");

        for (Caller caller : List.of(Caller.SUPPLIER_A, Caller.OFFICER)) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                Response response = world.call(caller).contentType("application/json").body(Map.of("score", 100))
                        .request(method, "/api/v1/suppliers/" + world.a.id() + "/credit");
                // 405 is the right answer; 404 (what the service gives, the path being shared with
                // /api/v1/suppliers/{id}) refuses too.
                if ((response.statusCode() != 405 && response.statusCode() != 404)
                        || !String.valueOf(response.contentType()).startsWith(PROBLEM)) {
                    wrong.add("the credit score is read-only: " + method + " as " + caller + " answered "
                            + response.statusCode() + " " + response.contentType());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * The request either is refused (400 naming the field) or succeeds with the field not taking the
     * value sent: the stored resource (its Location, read by the officer, or else the answer) shows another.
     */
    private static void refusedOrIgnored(List<String> wrong, String what, RequestSpecification request, String method,
                                         String path, Map<String, Object> body, String field, Object sent) {
        Response response = request.contentType("application/json").body(body).request(method, path);
        int status = response.statusCode();
        if (status == 400) {
            List<String> fields = response.jsonPath().getList("errors.field");
            if (!String.valueOf(response.contentType()).startsWith(PROBLEM) || fields == null || !fields.contains(field)) {
                wrong.add(what + ": refused, but the problem does not name '" + field + "': " + response.asString());
            }
            return;
        }
        if (status >= 300) {
            wrong.add(what + ": expected 400 or success with the field ignored, got " + status + " " + response.asString());
            return;
        }
        String location = response.header("Location");
        Response stored = location == null ? response : Api.as(world.officer).get(location);
        Object value = stored.jsonPath().get(field);
        if (value != null && String.valueOf(value).equals(String.valueOf(sent))) {
            wrong.add(what + ": the caller set " + field + " to " + sent);
        }
    }

    private static Response send(Access access, Caller caller) {
        RequestSpecification request = world.call(caller);
        Object body = access.body() == null ? null : access.body().apply(world);
        if (body instanceof World.Upload upload) {
            request = request.multiPart("file", upload.filename(), upload.bytes(), "application/pdf");
        } else if (body != null) {
            try {
                request = request.contentType("application/json").body(JSON.writeValueAsBytes(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return request.request(access.method(), access.path().apply(world));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
