package cn.emall.hardening;

import cn.emall.testsupport.Api;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input, generated from the service's own OpenAPI document so that every operation with a JSON body,
 * present and future, is covered: each field missing, null, of the wrong type, huge, negative, enormous,
 * NaN, an impossible date; unknown fields; bodies nested 10,000 deep, not UTF-8, empty, of the wrong
 * shape; a body over the size limit; broken CSV imports; NUL, other control characters and lone
 * surrogates in every text field, query and path parameter (refused naming the field). Every answer is a
 * 4xx problem+json, never a 5xx nor a success, and nothing is stored. Injection strings may be stored,
 * but then exactly as sent.
 *
 * <p>Each mutation changes one thing in a body that is otherwise valid (a fresh seed per case), so a
 * mutation the service does not notice shows up as a success instead of hiding behind another error.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    private static final Logger LOG = Logger.getLogger(BadInputTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM = "application/problem+json";
    private static final String JSON_TYPE = "application/json";
    private static final String HUGE = "x".repeat(100_000);
    private static final int NESTING = 10_000;
    private static final String DEEP_MARK = "@@NESTED-10000-DEEP@@";
    private static final byte[] DEEP = ("[".repeat(NESTING) + "]".repeat(NESTING)).getBytes(StandardCharsets.US_ASCII);
    private static final String UTF8_MARK = "@@NOT-UTF-8@@";
    private static final List<String> INJECTIONS = List.of("' OR 1=1 --", "<script>alert(1)</script>");
    /**
     * Characters no text field takes, as JSON escapes: NUL (PostgreSQL refuses it), another C0 control
     * character, and half of a surrogate pair (which Jackson would not write, so a marker stands for it).
     */
    private static final Map<String, String> UNSAFE_TEXT = unsafeText();
    /** Objects and lists the officer can count: none of them may grow from refused input. */
    private static final List<String> COUNTED = List.of("/api/v1/suppliers", "/api/v1/products", "/api/v1/sales",
            "/api/v1/categories", "/api/v1/notices", "/api/v1/appeals");

    @Inject
    AgroalDataSource dataSource;

    private static World world;
    private static OpenApiDocument api;

    /** Where an operation's path points, and which supplier owns that object (the one to call as). */
    record Target(String path, Caller supplier) {
    }

    /** One field of a body: its place ("materials", 0, "kind"), schema, and whether the schema requires it. */
    record Field(List<Object> path, JsonNode schema, boolean required) {

        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(step);
                }
            }
            return name.isEmpty() ? "(body)" : name.toString();
        }
    }

    /** One request to try: what it is, the raw body and its content type. */
    record Case(String what, byte[] body, String contentType) {
    }

    /** The tally of a run: every case, answers by status, and everything that broke the rule. */
    static final class Tally {
        final Map<Integer, Integer> byStatus = new TreeMap<>();
        final List<String> serverErrors = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int cases;

        void count(int status) {
            cases++;
            byStatus.merge(status, 1, Integer::sum);
        }

        void report(String title) {
            LOG.infof("%s: %d cases, answers by status %s, %d server errors, %d other violations", title, cases,
                    byStatus, serverErrors.size(), wrong.size());
            HardeningResults.add("badInputsTried", cases);
            HardeningResults.add("badInputServerErrors", serverErrors.size());
            HardeningResults.add("badInputViolations", wrong.size());
            serverErrors.forEach(e -> LOG.warn("5xx: " + e));
            wrong.forEach(e -> LOG.warn("violation: " + e));
            notes.forEach(n -> LOG.info("note: " + n));
        }

        void assertClean() {
            List<String> all = new ArrayList<>(serverErrors);
            all.addAll(wrong);
            assertTrue(all.isEmpty(), serverErrors.size() + " server errors and " + wrong.size() + " other violations in "
                    + cases + " cases:\n" + String.join("\n", all));
        }
    }

    @BeforeEach
    void setUp() {
        if (world == null) {
            world = World.create(dataSource);
            api = OpenApiDocument.fetch();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The tests
    // ------------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void everyMalformedJsonBodyIsRefusedWithAProblemAndNothingIsStored() {
        Map<String, Long> before = counts();
        Tally tally = new Tally();
        for (OpenApiDocument.Operation op : jsonOperations()) {
            Target target = target(op);
            Caller caller = callerFor(op, target, tally);
            if (caller == null) {
                continue;
            }
            for (Case c : mutations(op)) {
                Response response = send(op, target, caller, c);
                expectRefusal(tally, op, caller, c, response);
            }
        }
        Map<String, Long> after = counts();
        if (!before.equals(after)) {
            tally.wrong.add("refused input stored something: the officer's totals went from " + before + " to " + after);
        }
        tally.report("Malformed JSON bodies");
        tally.assertClean();
    }

    @Test
    @Order(2)
    void injectionStringsAreRefusedOrStoredVerbatim() {
        Tally tally = new Tally();
        for (OpenApiDocument.Operation op : jsonOperations()) {
            Target target = target(op);
            Caller caller = callerFor(op, target, tally);
            if (caller == null) {
                continue;
            }
            JsonNode seed = seed(op);
            for (Field field : fields(op.jsonBody(), seed)) {
                if (!"string".equals(api.typeOf(field.schema()))) {
                    continue;
                }
                for (String injection : INJECTIONS) {
                    JsonNode body = seed(op);
                    put(body, field.path(), NODES.textNode(injection));
                    Case c = new Case(field.name() + " = " + injection, bytes(body), JSON_TYPE);
                    Response response = send(op, target, caller, c);
                    int status = response.statusCode();
                    tally.count(status);
                    String where = op.key() + " as " + caller + ", " + c.what();
                    if (status >= 500) {
                        tally.serverErrors.add(where + ": " + status + " " + abbreviate(response.asString()));
                    } else if (status >= 400) {
                        isProblem(tally, where, response);
                    } else if (!everyLineRefused(tally, where, response)) {
                        storedVerbatim(tally, where, caller, response, injection);
                    }
                }
            }
        }
        tally.report("Injection strings");
        tally.assertClean();
    }

    @Test
    @Order(3)
    void bodyOverThirtyTwoMegabytesIsRefusedWith413() {
        Map<String, Long> before = counts();
        // With "Expect: 100-continue" the client waits for the verdict on the headers before it sends the
        // body; without it the service's early 413 meets a client still writing (broken pipe).
        Response response = world.call(Caller.ANONYMOUS).contentType(JSON_TYPE).header("Expect", "100-continue")
                .body(oversized()).post("/api/v1/supplier-applications");
        assertEquals(413, response.statusCode(), abbreviate(response.asString()));
        assertTrue(String.valueOf(response.contentType()).startsWith(PROBLEM),
                "413 answered as '" + response.contentType() + "': " + abbreviate(response.asString()));
        assertEquals(before, counts());
    }

    @Test
    @Order(4)
    void chunkedBodyOverThirtyTwoMegabytesIsRefusedWithAProblem() throws IOException {
        Map<String, Long> before = counts();
        // REST Assured sends a length even for a stream; the JDK's client sends chunks of unknown total
        // length, so that only counting the bytes shows that the body is too large.
        HttpURLConnection connection = (HttpURLConnection) URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/v1/supplier-applications").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", JSON_TYPE);
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(64 * 1024);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(oversized());
        } catch (IOException e) {
            LOG.infof("The service stopped reading the chunked body early: %s", e.getMessage());
        }
        int status = connection.getResponseCode();
        String type = connection.getContentType();
        connection.disconnect();
        assertTrue(status == 413 || status == 400, "a chunked body over the limit is refused, got " + status);
        assertTrue(String.valueOf(type).startsWith(PROBLEM), "413 answered as '" + type + "'");
        assertEquals(before, counts());
    }

    @Test
    @Order(5)
    void replacingOneYearsCalendarCannotTurnOtherYearsIntoHolidays() {
        String deadline = "/api/v1/calendar/deadline?from=" + today() + "&workingDays=5";
        String expected = RestAssured.get(deadline).then().statusCode(200).extract().path("deadline");
        try {
            Map<String, Object> decades = Map.of("name", "长假", "from", "2024-12-01", "to", "2099-01-02");
            Response response = Api.as(world.officer).body(Map.of("holidays", List.of(decades), "makeupWorkdays", List.of()))
                    .put("/api/v1/calendar/" + World.SPARE_CALENDAR_YEAR);
            assertEquals(expected, RestAssured.get(deadline).then().statusCode(200).extract().path("deadline"),
                    "the calendar of " + World.SPARE_CALENDAR_YEAR + " moved today's deadline");
            assertEquals(400, response.statusCode(), "a holiday from 2024 to 2099 in the calendar of "
                    + World.SPARE_CALENDAR_YEAR + ": " + abbreviate(response.asString()));
        } finally {
            Api.as(world.officer).body(World.spareCalendar()).put("/api/v1/calendar/" + World.SPARE_CALENDAR_YEAR)
                    .then().statusCode(200);
        }
    }

    /** A JSON body of 33 MB, over the 32 MB limit: an application whose name is all 'x'. */
    private static byte[] oversized() {
        byte[] prefix = "{\"name\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[33 * 1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    @Test
    @Order(6)
    void brokenCsvImportsAreRefusedWithAProblemAndStoreNothing() {
        Map<String, Map<String, byte[]>> files = Map.of(
                "/api/v1/imports/sales", csvCases(
                        "orderNo,lineNo,supplierId,productId,buyer,quantity,unitPrice,amount,occurredAt",
                        () -> Api.newOrderNo() + ",1," + world.a.id() + "," + world.product + ",呼和浩特市第一中学,1,4999.00,4999.00,"
                                + now()),
                "/api/v1/imports/suppliers", csvCases(
                        "name,creditCode,legalRepresentative,contactName,contactPhone,email,region,password,admittedOn,"
                                + "materialKind,materialRef",
                        () -> "呼和浩特市测试科技有限公司,\"" + Api.newCreditCode() + "\",王伟,李娜,0471-6612345,sales@example.cn,"
                                + "内蒙古自治区呼和浩特市,change-me-please," + today() + ",BUSINESS_LICENSE," + Api.officerLicence("hx")));
        List<String> csvOperations = api.operations().stream().filter(OpenApiDocument.Operation::takesCsv)
                .map(OpenApiDocument.Operation::path).sorted().toList();
        assertEquals(files.keySet().stream().sorted().toList(), csvOperations,
                "every operation that takes CSV has broken files to try here");

        Map<String, Long> before = counts();
        Tally tally = new Tally();
        for (Map.Entry<String, Map<String, byte[]>> endpoint : files.entrySet()) {
            for (Map.Entry<String, byte[]> file : endpoint.getValue().entrySet()) {
                Response response = world.call(Caller.OFFICER).contentType("text/csv; charset=UTF-8")
                        .body(file.getValue()).post(endpoint.getKey());
                int status = response.statusCode();
                tally.count(status);
                String where = "POST " + endpoint.getKey() + ", " + file.getKey();
                if (status >= 500) {
                    tally.serverErrors.add(where + ": " + status + " " + abbreviate(response.asString()));
                } else if (status != 400) {
                    tally.wrong.add(where + ": expected 400, got " + status + " " + abbreviate(response.asString()));
                } else {
                    isProblem(tally, where, response);
                }
            }
        }
        Map<String, Long> after = counts();
        if (!before.equals(after)) {
            tally.wrong.add("a refused import stored something: totals went from " + before + " to " + after);
        }
        tally.report("Broken CSV imports");
        tally.assertClean();
    }

    @Test
    @Order(7)
    void controlCharactersAndLoneSurrogatesInEveryTextFieldAreRefusedNamingTheField() {
        Map<String, Long> before = counts();
        Tally tally = new Tally();
        for (OpenApiDocument.Operation op : jsonOperations()) {
            Target target = target(op);
            Caller caller = callerFor(op, target, tally);
            if (caller == null) {
                continue;
            }
            for (TextCase c : unsafeTextCases(op)) {
                Response response = send(op, target, caller, c.request());
                expectRefusal(tally, op, caller, c.request(), response);
                String where = op.key() + " as " + caller + ", " + c.request().what();
                if (c.field() != null && response.statusCode() < 500 && !fieldsNamed(tree(response.asString())).stream()
                        .anyMatch(f -> f.equals(c.field()) || f.endsWith("." + c.field()))) {
                    tally.wrong.add(where + ": the answer does not name " + c.field() + ": " + abbreviate(response.asString()));
                }
            }
        }
        Map<String, Long> after = counts();
        if (!before.equals(after)) {
            tally.wrong.add("refused text stored something: the officer's totals went from " + before + " to " + after);
        }
        tally.report("Control characters and lone surrogates in text fields");
        tally.assertClean();
    }

    @Test
    @Order(8)
    void controlCharactersInEveryQueryAndPathParameterAreRefusedNamingTheParameter() {
        Tally tally = new Tally();
        for (OpenApiDocument.Operation op : api.operations()) {
            Caller caller = callerFor(op, target(op), tally);
            for (OpenApiDocument.Parameter parameter : api.parameters(op)) {
                for (String encoded : List.of("a%00b", "a%1Bb")) {
                    String path = parameter.in().equals("path")
                            ? fillIn(op.path().replace("{" + parameter.name() + "}", encoded))
                            : fillIn(op.path()) + "?" + parameter.name() + "=" + encoded;
                    RequestSpecification request = world.call(caller).urlEncodingEnabled(false);
                    if (op.jsonBody() != null) {
                        request.contentType(JSON_TYPE).body(bytes(seed(op)));
                    }
                    Response response = request.request(op.method(), path);
                    int status = response.statusCode();
                    tally.count(status);
                    String where = op.key() + " as " + caller + ", " + parameter.in() + " parameter " + parameter.name()
                            + " = " + encoded;
                    if (status >= 500) {
                        tally.serverErrors.add(where + ": " + status + " " + abbreviate(response.asString()));
                    } else if (status != 400) {
                        tally.wrong.add(where + ": expected 400, got " + status + " " + abbreviate(response.asString()));
                    } else {
                        isProblem(tally, where, response);
                        if (!fieldsNamed(tree(response.asString())).contains(parameter.name())) {
                            tally.wrong.add(where + ": the answer does not name " + parameter.name() + ": "
                                    + abbreviate(response.asString()));
                        }
                    }
                    restore(op);
                }
            }
        }
        tally.report("Control characters in query and path parameters");
        assertTrue(tally.cases > 0, "the document has parameters to try");
        tally.assertClean();
    }

    /** A query parameter whose schema lists its values (such as the notices' {@code delivery}) refuses any other, naming itself. */
    @Test
    @Order(10)
    void everyEnumeratedQueryParameterRefusesAnUnlistedValueNamingTheParameter() {
        Tally tally = new Tally();
        for (OpenApiDocument.Operation op : api.operations()) {
            for (OpenApiDocument.Parameter parameter : api.parameters(op)) {
                if (!parameter.in().equals("query") || parameter.values().isEmpty()) {
                    continue;
                }
                Caller caller = callerFor(op, target(op), tally);
                RequestSpecification request = world.call(caller);
                if (op.jsonBody() != null) {
                    request.contentType(JSON_TYPE).body(bytes(seed(op)));
                }
                Response response = request.request(op.method(), fillIn(op.path()) + "?" + parameter.name() + "=NOT-ONE-OF-THEM");
                int status = response.statusCode();
                tally.count(status);
                String where = op.key() + " as " + caller + ", " + parameter.name() + " = NOT-ONE-OF-THEM (one of "
                        + parameter.values() + ")";
                if (status != 400) {
                    (status >= 500 ? tally.serverErrors : tally.wrong).add(where + ": expected 400, got " + status + " "
                            + abbreviate(response.asString()));
                } else {
                    isProblem(tally, where, response);
                    if (!fieldsNamed(tree(response.asString())).contains(parameter.name())) {
                        tally.wrong.add(where + ": the answer does not name " + parameter.name() + ": " + abbreviate(response.asString()));
                    }
                }
                restore(op);
            }
        }
        tally.report("Unlisted values of enumerated query parameters");
        assertTrue(tally.cases > 0, "the document has enumerated query parameters (the notices' delivery among them)");
        tally.assertClean();
    }

    @Test
    @Order(9)
    void brokenMultipartUploadsAreRefusedWithAProblemAndStoreNothing() {
        List<String> multipartOperations = api.operations().stream().filter(OpenApiDocument.Operation::takesMultipart)
                .map(OpenApiDocument.Operation::key).sorted().toList();
        assertEquals(List.of("POST /api/v1/documents"), multipartOperations,
                "every operation that takes multipart has broken uploads to try here");
        byte[] pdf = cn.emall.testsupport.TestFiles.pdf("licence");
        String b = "hx" + World.next();
        String type = "multipart/form-data; boundary=" + b;
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("no boundary", new Case("no boundary", multipart(b, "licence.pdf", "application/pdf", pdf, null, true),
                "multipart/form-data"));
        cases.put("another boundary", new Case("another boundary", multipart(b, "licence.pdf", "application/pdf", pdf, null, true),
                "multipart/form-data; boundary=other"));
        cases.put("cut short", new Case("cut short", multipart(b, "licence.pdf", "application/pdf", pdf, null, false), type));
        cases.put("no file part", new Case("no file part", ("--" + b + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
                + "BUSINESS_LICENSE\r\n--" + b + "--\r\n").getBytes(StandardCharsets.UTF_8), type));
        cases.put("empty file", new Case("empty file", multipart(b, "licence.pdf", "application/pdf", new byte[0], null, true), type));
        cases.put("NUL in the file name", new Case("NUL in the file name",
                multipart(b, "lic\u0000ence.pdf", "application/pdf", pdf, null, true), type));
        cases.put("BEL in the file name", new Case("BEL in the file name",
                multipart(b, "lic\u0007ence.pdf", "application/pdf", pdf, null, true), type));
        cases.put("file name of 300 characters", new Case("file name of 300 characters",
                multipart(b, "营".repeat(296) + ".pdf", "application/pdf", pdf, null, true), type));
        cases.put("NUL in the kind", new Case("NUL in the kind", multipart(b, "licence.pdf", "application/pdf", pdf,
                "BUSINESS\u0000LICENSE", true), type));
        cases.put("kind of 100 characters", new Case("kind of 100 characters", multipart(b, "licence.pdf", "application/pdf", pdf,
                "K".repeat(100), true), type));
        cases.put("kind of 10,000 characters", new Case("kind of 10,000 characters", multipart(b, "licence.pdf",
                "application/pdf", pdf, "K".repeat(10_000), true), type));
        cases.put("an HTML page", new Case("an HTML page", multipart(b, "licence.pdf", "application/pdf",
                cn.emall.testsupport.TestFiles.html(), null, true), type));
        cases.put("JSON instead", new Case("JSON instead", "{\"file\": \"JVBERi0=\"}".getBytes(StandardCharsets.UTF_8),
                JSON_TYPE));
        cases.put("no body", new Case("no body", new byte[0], type));
        cases.put("garbage", new Case("garbage", new byte[] {(byte) 0xff, 0, 1, 2, '-', '-'}, type));

        long before = documentCount();
        Tally tally = new Tally();
        for (Caller caller : List.of(Caller.ANONYMOUS, Caller.SUPPLIER_A, Caller.OFFICER)) {
            for (Case c : cases.values()) {
                Response response = world.call(caller).contentType(c.contentType()).body(c.body()).post("/api/v1/documents");
                int status = response.statusCode();
                tally.count(status);
                String where = "POST /api/v1/documents as " + caller + ", " + c.what();
                if (status >= 500) {
                    tally.serverErrors.add(where + ": " + status + " " + abbreviate(response.asString()));
                } else if (status < 400) {
                    tally.wrong.add(where + ": expected a refusal, got " + status + " " + abbreviate(response.asString()));
                } else {
                    isProblem(tally, where, response);
                }
            }
        }
        if (documentCount() != before) {
            tally.wrong.add("a refused upload stored a document: " + before + " before, " + documentCount() + " after");
        }
        tally.report("Broken multipart uploads");
        tally.assertClean();
    }

    /** A multipart body with the file (and the kind), closed by its last boundary or cut short before it. */
    private static byte[] multipart(String boundary, String filename, String type, byte[] file, String kind, boolean closed) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        if (kind != null) {
            out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind)
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (closed) {
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private long documentCount() {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select count(*) from document")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // What to send where, and as whom
    // ------------------------------------------------------------------------------------------------

    private static List<OpenApiDocument.Operation> jsonOperations() {
        return api.operations().stream().filter(op -> op.jsonBody() != null).toList();
    }

    /** The fixture a path points at; a path this test does not know yet gets one by the segment before '{'. */
    private static Target target(OpenApiDocument.Operation op) {
        Caller a = Caller.SUPPLIER_A;
        return switch (op.path()) {
            case "/api/v1/appeals/{id}/decision" -> new Target("/api/v1/appeals/" + world.appeal + "/decision", a);
            case "/api/v1/calendar/{year}" -> new Target("/api/v1/calendar/" + World.SPARE_CALENDAR_YEAR, a);
            case "/api/v1/categories/{code}" -> new Target("/api/v1/categories/" + world.spareCategory, a);
            case "/api/v1/notices/{id}/appeal" ->
                    new Target("/api/v1/notices/" + world.openDelistingNoticeOfB + "/appeal", Caller.SUPPLIER_B);
            case "/api/v1/notices/{id}/response" -> new Target("/api/v1/notices/" + world.processingNotice + "/response", a);
            case "/api/v1/products/{id}" -> new Target("/api/v1/products/" + world.product, a);
            case "/api/v1/documents/{id}" -> new Target("/api/v1/documents/" + world.documentOfA, a);
            case "/api/v1/documents/{id}/meta" -> new Target("/api/v1/documents/" + world.documentOfA + "/meta", a);
            // Supplier B's own account: the mutations may lock it, and nothing else of this test logs in as B.
            case "/api/v1/accounts/me/password" -> new Target(op.path(), Caller.SUPPLIER_B);
            case "/api/v1/products/{id}/takedown" ->
                    new Target("/api/v1/products/" + world.takedownProduct + "/takedown", a);
            case "/api/v1/suppliers/{id}/decision" -> new Target("/api/v1/suppliers/" + world.pending + "/decision", a);
            // Probing DELETE removes the receiver: the other webhook paths keep theirs.
            case "/api/v1/webhooks/{id}" -> new Target("/api/v1/webhooks/" + world.deletableWebhook, a);
            default -> new Target(fillIn(op.path()), a);
        };
    }

    private static String fillIn(String template) {
        StringBuilder path = new StringBuilder();
        String previous = "";
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String value = segment;
            if (segment.startsWith("{")) {
                value = switch (previous) {
                    case "suppliers" -> String.valueOf(world.a.id());
                    case "products" -> String.valueOf(world.product);
                    case "notices" -> String.valueOf(world.processingNotice);
                    case "appeals" -> String.valueOf(world.appeal);
                    case "cleanup-runs" -> String.valueOf(world.run);
                    case "sales" -> String.valueOf(world.sale);
                    case "accounts" -> String.valueOf(world.staffAccount);
                    case "categories" -> world.category;
                    case "calendar" -> String.valueOf(World.SPARE_CALENDAR_YEAR);
                    case "webhooks" -> String.valueOf(world.webhook);
                    default -> "1";
                };
            }
            path.append('/').append(value);
            previous = segment;
        }
        return path.toString();
    }

    /**
     * The caller that gets past authorization: the roles the document declares first, then the officer,
     * the owning supplier, the order system, and last nobody (a public operation answers everybody alike,
     * and one that checks the role inside the method must not be judged as anonymous). An operation that
     * declares no role (public, or on the caller's own account) is tried as the target's supplier before
     * the officer, so that no mutation guesses the shared officer's password. Probed with a body that is
     * not JSON, so that the probe can never store anything.
     */
    private static Caller callerFor(OpenApiDocument.Operation op, Target target, Tally tally) {
        List<Caller> order = new ArrayList<>();
        if (op.roles().isEmpty()) {
            order.add(target.supplier());
        }
        for (String role : op.roles()) {
            order.add(switch (role) {
                case "OFFICER" -> Caller.OFFICER;
                case "SUPPLIER" -> target.supplier();
                case "ORDER_SYSTEM" -> Caller.ORDER_SYSTEM;
                default -> Caller.ANONYMOUS;
            });
        }
        order.addAll(List.of(Caller.OFFICER, target.supplier(), Caller.ORDER_SYSTEM, Caller.ANONYMOUS));
        for (Caller caller : order.stream().distinct().toList()) {
            Case probe = op.jsonBody() == null && !op.takesCsv()
                    ? null : new Case("probe", "{".getBytes(StandardCharsets.US_ASCII), JSON_TYPE);
            int status = send(op, target, caller, probe).statusCode();
            if (status != 401 && status != 403) {
                return caller;
            }
        }
        tally.wrong.add(op.key() + ": no caller gets past authorization");
        return null;
    }

    /** A valid body for the operation, fresh for every case (new codes, order numbers, usernames). */
    private static JsonNode seed(OpenApiDocument.Operation op) {
        String now = now();
        Object body = switch (op.key()) {
            case "POST /api/v1/accounts" -> Map.of("username", "hx-" + World.next(), "password", "orders-password",
                    "role", "ORDER_SYSTEM");
            // A wrong current password: a mutation that slips through changes no password.
            case "PUT /api/v1/accounts/me/password" -> Map.of("currentPassword", "not-the-password",
                    "newPassword", "a-new-password-1");
            case "POST /api/v1/appeals/{id}/decision" -> Map.of("decision", "ACCEPT", "reason", "核实有销售业绩");
            // An unknown user: a wrong password here must not lock anybody out.
            case "POST /api/v1/auth/token" -> Map.of("username", "nobody-" + World.next(), "password", "wrong-password");
            case "PUT /api/v1/calendar/{year}" -> World.spareCalendar();
            case "POST /api/v1/categories" -> World.categoryBody("HX-" + World.next());
            case "PUT /api/v1/categories/{code}" -> World.categoryBody(world.spareCategory);
            // Never a real run: those belong to NightlyRunEndToEndTest.
            case "POST /api/v1/cleanup-runs" -> Map.of("asOf", today(), "dryRun", true);
            case "POST /api/v1/imports/sales" ->
                    List.of(Api.sale(Api.newOrderNo(), 1, world.a.id(), world.product, 1, "4999.00", now));
            // Admitted and listed today: should a mutation slip through, the nightly rules never see it.
            case "POST /api/v1/imports/suppliers" -> List.of(Api.historicalSupplier(Api.newCreditCode(), today(),
                    List.of(Api.historicalListing(world.category, "HX-" + World.next(), today()))));
            case "POST /api/v1/notices" -> Map.of("supplierId", world.a.id(), "subject", "补充资质材料",
                    "body", "请补充资质材料", "workingDays", 5);
            case "POST /api/v1/notices/{id}/appeal" -> Map.of("reason", "有销售业绩",
                    "materials", List.of(Api.contract(world.a.token())));
            case "POST /api/v1/notices/{id}/response" -> Map.of("message", "定价依据见附件");
            case "POST /api/v1/products" -> Api.listing(world.category, "HX-" + World.next());
            case "PUT /api/v1/products/{id}" -> Api.listing(world.category, world.productModel);
            case "POST /api/v1/products/{id}/takedown" -> Map.of("reason", "图片与参数不符");
            case "POST /api/v1/sales" -> Api.sale(Api.newOrderNo(), 1, world.a.id(), world.product, 1, "4999.00", now);
            case "POST /api/v1/sales/batch" ->
                    List.of(Api.sale(Api.newOrderNo(), 1, world.a.id(), world.product, 1, "4999.00", now));
            case "PUT /api/v1/sandbox/clock" -> Map.of("now", now);
            case "POST /api/v1/supplier-applications" -> World.application();
            case "POST /api/v1/webhooks" -> World.webhookBody();
            case "POST /api/v1/suppliers/{id}/decision" -> Map.of("decision", "APPROVE", "reason", "资质材料齐全");
            default -> example(op.jsonBody(), 0);
        };
        return JSON.valueToTree(body);
    }

    /** A body made from the schema alone, for an operation this test has no seed for yet. */
    private static JsonNode example(JsonNode schema, int depth) {
        JsonNode s = api.resolve(schema);
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty()) {
            return s.get("examples").get(0);
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        return switch (api.typeOf(s)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    s.path("properties").properties().forEach(p -> object.set(p.getKey(), example(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(example(s.path("items"), depth + 1));
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(switch (s.path("format").asText()) {
                case "date" -> today();
                case "date-time" -> now();
                default -> "hardening";
            });
        };
    }

    // ------------------------------------------------------------------------------------------------
    // Mutations
    // ------------------------------------------------------------------------------------------------

    /** Every field of the body: top level, and one level into objects and into the first element of lists. */
    private static List<Field> fields(JsonNode schema, JsonNode seed) {
        List<Field> fields = new ArrayList<>();
        if ("array".equals(api.typeOf(schema))) {
            collect(api.resolve(schema).path("items"), seed.path(0), List.of(0), 0, fields);
        } else {
            collect(schema, seed, List.of(), 0, fields);
        }
        return fields;
    }

    private static void collect(JsonNode schema, JsonNode value, List<Object> prefix, int depth, List<Field> fields) {
        JsonNode s = api.resolve(schema);
        Set<String> required = new java.util.HashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
            List<Object> path = append(prefix, property.getKey());
            JsonNode propertySchema = api.resolve(property.getValue());
            fields.add(new Field(path, propertySchema, required.contains(property.getKey())));
            if (depth >= 1) {
                continue;
            }
            JsonNode present = value.path(property.getKey());
            String type = api.typeOf(propertySchema);
            if ("object".equals(type) && propertySchema.has("properties") && present.isObject()) {
                collect(propertySchema, present, path, depth + 1, fields);
            } else if ("array".equals(type) && present.isArray() && !present.isEmpty()
                    && api.resolve(propertySchema.path("items")).has("properties")) {
                collect(propertySchema.path("items"), present.get(0), append(path, 0), depth + 1, fields);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    /** The wrong values for one field, by the type its schema declares. */
    private static Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String format = schema.path("format").asText();
        switch (api.typeOf(schema)) {
            case "string" -> {
                if (format.equals("number")) {
                    // Money: a decimal written as a string, which the service also takes as a JSON number.
                    values.put("a word instead of a decimal", NODES.textNode("abc"));
                    values.put("three decimals", NODES.textNode("1.234"));
                    values.put("'NaN'", NODES.textNode("NaN"));
                    values.put("1e308", NODES.textNode("1e308"));
                } else {
                    values.put("a number instead of a string", NODES.numberNode(12345));
                }
                values.put("100,000 characters", NODES.textNode(HUGE));
                if (format.equals("date")) {
                    values.put("the impossible date 2024-02-30", NODES.textNode("2024-02-30"));
                } else if (format.equals("date-time")) {
                    values.put("the impossible date 2024-02-30", NODES.textNode("2024-02-30T10:00:00+08:00"));
                }
            }
            case "integer", "number" -> {
                values.put("a string instead of a number", NODES.textNode("abc"));
                values.put("-1", NODES.numberNode(-1));
                values.put("1e308", NODES.numberNode(1e308));
                values.put("'NaN'", NODES.textNode("NaN"));
                if (api.typeOf(schema).equals("integer")) {
                    values.put("10^30", NODES.numberNode(BigInteger.TEN.pow(30)));
                }
            }
            case "boolean" -> values.put("'yes' instead of a boolean", NODES.textNode("yes"));
            case "array" -> {
                values.put("an object instead of an array", NODES.objectNode());
                values.put("arrays nested 10,000 deep", deeplyNested());
            }
            case "object" -> {
                values.put("a string instead of an object", NODES.textNode("x"));
                values.put("arrays nested 10,000 deep", deeplyNested());
            }
            default -> values.put("a string of the wrong kind", NODES.textNode("x"));
        }
        return values;
    }

    /** Stands for arrays nested 10,000 deep, which Jackson will not write: {@link #bytes} puts them in. */
    private static JsonNode deeplyNested() {
        return NODES.textNode(DEEP_MARK);
    }

    private static List<Case> mutations(OpenApiDocument.Operation op) {
        List<Case> cases = new ArrayList<>();
        boolean arrayBody = "array".equals(api.typeOf(op.jsonBody()));
        JsonNode template = seed(op);
        for (Field field : fields(op.jsonBody(), template)) {
            if (field.required()) {
                JsonNode missing = seed(op);
                remove(missing, field.path());
                cases.add(new Case(field.name() + " missing", bytes(missing), JSON_TYPE));
                JsonNode nulled = seed(op);
                put(nulled, field.path(), NODES.nullNode());
                cases.add(new Case(field.name() + " null", bytes(nulled), JSON_TYPE));
            }
            for (Map.Entry<String, JsonNode> bad : badValues(field.schema()).entrySet()) {
                JsonNode body = seed(op);
                put(body, field.path(), bad.getValue());
                cases.add(new Case(field.name() + " " + bad.getKey(), bytes(body), JSON_TYPE));
            }
        }
        JsonNode unknown = seed(op);
        ((ObjectNode) (arrayBody ? unknown.get(0) : unknown)).put("hardeningUnknownField", "x");
        cases.add(new Case("an unknown field", bytes(unknown), JSON_TYPE));

        cases.add(new Case("a body of arrays nested 10,000 deep", DEEP, JSON_TYPE));
        cases.add(new Case("a body of the bytes C3 28 (not UTF-8)", new byte[] {(byte) 0xC3, 0x28}, JSON_TYPE));
        cases.add(new Case("a valid body with C3 28 (not UTF-8) inside a string", withInvalidUtf8(op), JSON_TYPE));
        cases.add(new Case("an empty body", new byte[0], JSON_TYPE));
        cases.add(new Case("the body null", "null".getBytes(StandardCharsets.US_ASCII), JSON_TYPE));
        cases.add(new Case("a body of the wrong shape", (arrayBody ? "{}" : "[]").getBytes(StandardCharsets.US_ASCII),
                JSON_TYPE));
        cases.add(new Case("a JSON body sent as text/plain", bytes(seed(op)), "text/plain"));
        return cases;
    }

    /** A body with refused text in one field, and the name the answer must give that field (null: any refusal). */
    record TextCase(Case request, String field) {
    }

    /**
     * Each unsafe character inside every string field of the body, and inside every text value and key
     * of a free-form object (a listing's parameters), one at a time.
     */
    private static List<TextCase> unsafeTextCases(OpenApiDocument.Operation op) {
        List<TextCase> cases = new ArrayList<>();
        JsonNode template = seed(op);
        for (Field field : fields(op.jsonBody(), template)) {
            String type = api.typeOf(field.schema());
            String leaf = leafOf(field.path());
            for (Map.Entry<String, String> unsafe : UNSAFE_TEXT.entrySet()) {
                if ("string".equals(type)) {
                    JsonNode body = seed(op);
                    put(body, field.path(), NODES.textNode("A" + unsafe.getKey() + "B"));
                    cases.add(new TextCase(new Case(field.name() + " holding " + unsafe.getValue(), bytes(body), JSON_TYPE), leaf));
                }
                JsonNode freeForm = valueAt(template, field.path());
                if ("object".equals(type) && !field.schema().has("properties") && freeForm != null && freeForm.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : freeForm.properties()) {
                        if (entry.getValue().isTextual()) {
                            JsonNode body = seed(op);
                            ((ObjectNode) valueAt(body, field.path())).put(entry.getKey(), "A" + unsafe.getKey() + "B");
                            cases.add(new TextCase(new Case(field.name() + "." + entry.getKey() + " holding " + unsafe.getValue(),
                                    bytes(body), JSON_TYPE), entry.getKey()));
                        }
                    }
                    // Jackson's parser refuses half a surrogate pair in a key as broken JSON, which an import
                    // answers with the line and the place in the body rather than a field.
                    JsonNode body = seed(op);
                    ((ObjectNode) valueAt(body, field.path())).put("K" + unsafe.getKey(), "x");
                    cases.add(new TextCase(new Case(field.name() + " with a key holding " + unsafe.getValue(), bytes(body),
                            JSON_TYPE), unsafe.getKey().equals("@@U+D800@@") ? null : leaf));
                }
            }
        }
        return cases;
    }

    private static Map<String, String> unsafeText() {
        Map<String, String> unsafe = new LinkedHashMap<>();
        unsafe.put("@@U+0000@@", "NUL (U+0000)");
        unsafe.put("@@U+001B@@", "ESC (U+001B)");
        unsafe.put("@@U+D800@@", "a lone surrogate (U+D800)");
        return unsafe;
    }

    private static String leafOf(List<Object> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof String name) {
                return name;
            }
        }
        return "body";
    }

    private static JsonNode valueAt(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Every {@code field} member of an answer: of its errors, of its import lines, of its batch lines. */
    private static List<String> fieldsNamed(JsonNode answer) {
        List<String> named = new ArrayList<>();
        if (answer == null) {
            return named;
        }
        if (answer.isObject() && answer.path("field").isTextual()) {
            named.add(answer.get("field").asText());
        }
        answer.elements().forEachRemaining(child -> named.addAll(fieldsNamed(child)));
        return named;
    }

    /**
     * A valid body whose first string field (free text if there is one) holds the bytes C3 28, which no
     * UTF-8 decoder accepts; a body without string fields gets them in a field of its own.
     */
    private static byte[] withInvalidUtf8(OpenApiDocument.Operation op) {
        JsonNode body = seed(op);
        List<Field> strings = fields(op.jsonBody(), body).stream()
                .filter(f -> "string".equals(api.typeOf(f.schema())) && !f.schema().has("enum")).toList();
        Field text = strings.stream().filter(f -> !f.schema().has("format")).findFirst()
                .orElse(strings.isEmpty() ? null : strings.get(0));
        if (text == null) {
            return new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        }
        put(body, text.path(), NODES.textNode(UTF8_MARK));
        return bytes(body);
    }

    private static void put(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static void remove(JsonNode root, List<Object> path) {
        JsonNode parent = parentOf(root, path);
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).remove(index);
        } else {
            ((ObjectNode) parent).remove((String) last);
        }
    }

    private static JsonNode parentOf(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    // ------------------------------------------------------------------------------------------------
    // Sending and judging
    // ------------------------------------------------------------------------------------------------

    /**
     * Sends one case. A case the service wrongly accepts must not spoil the other tests: the clock goes
     * back to real time and the spare calendar year back to its valid data after every such case. A
     * {@code null} case sends no body (the probe of an operation that reads none).
     */
    private static Response send(OpenApiDocument.Operation op, Target target, Caller caller, Case c) {
        try {
            if (c == null) {
                return world.call(caller).request(op.method(), target.path());
            }
            return world.call(caller).contentType(c.contentType()).body(c.body()).request(op.method(), target.path());
        } finally {
            restore(op);
        }
    }

    private static void restore(OpenApiDocument.Operation op) {
        if (op.path().startsWith("/api/v1/sandbox/")) {
            Api.as(world.officer).delete("/api/v1/sandbox/clock").then().statusCode(200);
        }
        if (op.method().equals("PUT") && op.path().startsWith("/api/v1/calendar/")) {
            Api.as(world.officer).body(World.spareCalendar()).put("/api/v1/calendar/" + World.SPARE_CALENDAR_YEAR)
                    .then().statusCode(200);
        }
    }

    private static void expectRefusal(Tally tally, OpenApiDocument.Operation op, Caller caller, Case c, Response response) {
        int status = response.statusCode();
        tally.count(status);
        String where = op.key() + " as " + caller + ", " + c.what();
        if (status >= 500) {
            tally.serverErrors.add(where + ": " + status + " " + abbreviate(response.asString()));
        } else if (status < 400 && !everyLineRefused(tally, where, response)) {
            tally.wrong.add(where + ": accepted with " + status + " " + abbreviate(response.asString()));
        } else if (status >= 400) {
            isProblem(tally, where, response);
        }
    }

    /**
     * A batch answers each line with the status it would get alone (POST /api/v1/sales/batch): a batch
     * whose every line is refused with a 4xx problem is a refusal too.
     */
    private static boolean everyLineRefused(Tally tally, String where, Response response) {
        JsonNode results = tree(response.asString()).path("results");
        if (!results.isArray() || results.isEmpty()) {
            return false;
        }
        for (JsonNode line : results) {
            int status = line.path("status").asInt();
            if (status >= 500) {
                tally.serverErrors.add(where + ": a line answered " + status + " " + abbreviate(line.toString()));
            }
            if (status < 400 || line.path("problem").path("status").asInt() != status
                    || !line.path("problem").has("type")) {
                return false;
            }
        }
        return true;
    }

    private static void isProblem(Tally tally, String where, Response response) {
        if (!String.valueOf(response.contentType()).startsWith(PROBLEM)) {
            tally.wrong.add(where + ": " + response.statusCode() + " answered as '" + response.contentType() + "'");
            return;
        }
        Object status = response.jsonPath().get("status");
        if (!(status instanceof Number n) || n.intValue() != response.statusCode()
                || response.jsonPath().get("type") == null) {
            tally.wrong.add(where + ": the problem lacks type or the right status: " + abbreviate(response.asString()));
        }
        String text = response.asString();
        if (text.contains("com.fasterxml") || text.contains("java.lang") || text.contains("\tat ")) {
            tally.wrong.add(where + ": the problem leaks internals: " + abbreviate(text));
        }
    }

    /**
     * An accepted injection string must come back exactly as sent (not escaped, not cut, not run): in the
     * answer or in the resource its Location names. A token for an unknown user is never an acceptable answer.
     */
    private static void storedVerbatim(Tally tally, String where, Caller caller, Response response, String injection) {
        String body = response.asString();
        if (body.contains("accessToken")) {
            tally.wrong.add(where + ": logged in with an injection string");
            return;
        }
        List<JsonNode> answers = new ArrayList<>();
        answers.add(tree(body));
        String location = response.header("Location");
        if (location != null) {
            Response stored = world.call(caller).get(location);
            if (stored.statusCode() != 200) {
                stored = world.call(Caller.OFFICER).get(location);
            }
            answers.add(tree(stored.asString()));
        }
        List<String> texts = new ArrayList<>();
        answers.forEach(a -> strings(a, texts));
        if (texts.contains(injection)) {
            return;
        }
        List<String> altered = texts.stream()
                .filter(t -> (t.contains("script") || t.contains("1=1")) && !t.contains(injection)).toList();
        if (!altered.isEmpty()) {
            tally.wrong.add(where + ": stored altered as " + altered);
        } else {
            tally.notes.add(where + ": accepted (" + response.statusCode() + "), the field is not shown back");
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text.isEmpty() ? "null" : text);
        } catch (JsonProcessingException e) {
            return NODES.textNode(text);
        }
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.elements().forEachRemaining(child -> strings(child, out));
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------

    /** The totals the officer sees: refused input must leave every one of them as it was. */
    private static Map<String, Long> counts() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String list : COUNTED) {
            totals.put(list, ((Number) Api.as(world.officer).get(list + "?size=1").then().statusCode(200)
                    .extract().path("total")).longValue());
        }
        return totals;
    }

    /** Broken CSV files for an import, each otherwise made of a valid header and valid rows (fresh keys each). */
    private static Map<String, byte[]> csvCases(String header, java.util.function.Supplier<String> row) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String firstColumn = header.substring(0, header.indexOf(','));
        String otherColumns = header.substring(header.indexOf(',') + 1);
        Function<String, String> otherCells = r -> r.substring(r.indexOf(',') + 1);
        Function<String, String> allButLastCell = r -> r.substring(0, r.lastIndexOf(','));
        Function<String, byte[]> utf8 = text -> text.getBytes(StandardCharsets.UTF_8);

        files.put("an unterminated quote", utf8.apply(header + "\n" + row.get() + "\n\"" + row.get() + "\n"));
        files.put("a quote inside an unquoted cell", utf8.apply(header + "\n" + row.get().replaceFirst(",", ",ab\"c") + "\n"));
        files.put("text after a closing quote", utf8.apply(header + "\n\"abc\"def," + otherCells.apply(row.get()) + "\n"));
        files.put("an unknown column", utf8.apply(header + ",colour\n" + row.get() + ",red\n"));
        files.put("a missing column", utf8.apply(otherColumns + "\n" + otherCells.apply(row.get()) + "\n"));
        files.put("a duplicated column", utf8.apply(header + "," + firstColumn + "\n" + row.get() + ",x\n"));
        files.put("a row with too few cells", utf8.apply(header + "\n" + allButLastCell.apply(row.get()) + "\n"));
        files.put("a row with too many cells", utf8.apply(header + "\n" + row.get() + ",extra,cells\n"));
        files.put("an empty body", new byte[0]);
        files.put("only a byte-order mark", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        ByteArrayOutputStream invalid = new ByteArrayOutputStream();
        invalid.writeBytes(utf8.apply(header + "\n"));
        invalid.writeBytes(new byte[] {(byte) 0xC3, 0x28});
        invalid.writeBytes(utf8.apply(row.get() + "\n"));
        files.put("bytes that are not UTF-8 (C3 28)", invalid.toByteArray());
        files.put("a JSON body sent as CSV", utf8.apply("[{\"orderNo\": \"x\"}]"));
        files.put("a NUL in the first cell", utf8.apply(header + "\n" + row.get().replaceFirst(",", "\u0000,") + "\n"));
        files.put("ESC (U+001B) in the last cell", utf8.apply(header + "\n" + row.get() + "\u001B\n"));
        return files;
    }

    /** The body as UTF-8 JSON, with the markers for deep nesting and for invalid UTF-8 replaced by the real bytes. */
    private static byte[] bytes(JsonNode node) {
        try {
            byte[] json = JSON.writeValueAsBytes(node);
            json = replace(json, ("\"" + DEEP_MARK + "\"").getBytes(StandardCharsets.US_ASCII), DEEP);
            for (String mark : UNSAFE_TEXT.keySet()) {
                String escape = "\\u" + mark.substring(4, 8).toLowerCase(java.util.Locale.ROOT);
                json = replace(json, mark.getBytes(StandardCharsets.US_ASCII), escape.getBytes(StandardCharsets.US_ASCII));
            }
            return replace(json, UTF8_MARK.getBytes(StandardCharsets.US_ASCII), new byte[] {'A', (byte) 0xC3, 0x28, 'B'});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replace(byte[] bytes, byte[] mark, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (i <= bytes.length - mark.length && Arrays.equals(bytes, i, i + mark.length, mark, 0, mark.length)) {
                out.writeBytes(with);
                i += mark.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static String now() {
        return Api.justNow();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
