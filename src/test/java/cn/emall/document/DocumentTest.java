package cn.emall.document;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.TestFiles;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Documents: types by content, size limit, privacy, uses, collection, downloads and their immutability. */
@QuarkusTest
class DocumentTest {

    private static final String PATH = "/api/v1/documents";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Documents documents;

    @TestHTTPResource("/")
    URI service;

    private String officer;

    @org.junit.jupiter.api.BeforeEach
    void logIn() {
        officer = Api.officerToken();
    }

    @AfterEach
    void realClock() {
        as(officer).delete("/api/v1/sandbox/clock").then().statusCode(200);
    }

    private static Response upload(String token, String filename, byte[] bytes, String declaredType) {
        return Api.multipart(token).multiPart("file", filename, bytes, declaredType).post(PATH);
    }

    @Test
    void eachAcceptedTypeIsStoredByItsContent() {
        Map<String, byte[]> files = Map.of("营业执照.pdf", TestFiles.pdf("licence"), "照片.jpg", TestFiles.jpeg(),
                "扫描件.png", TestFiles.png(), "电子证照.ofd", TestFiles.ofd(), "无扩展名", TestFiles.pdf("no extension"));
        Map<String, String> types = Map.of("营业执照.pdf", "application/pdf", "照片.jpg", "image/jpeg",
                "扫描件.png", "image/png", "电子证照.ofd", "application/ofd", "无扩展名", "application/pdf");
        files.forEach((name, bytes) -> upload(null, name, bytes, "application/octet-stream").then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .body("filename", equalTo(name))
                .body("contentType", equalTo(types.get(name)))
                .body("size", equalTo(bytes.length))
                .body("sha256", equalTo(sha256(bytes))));
    }

    @Test
    void aRenamedImpostorOfEachTypeIsRefusedNamingWhatItIs() {
        record Impostor(String name, byte[] bytes, String declared, String detected) {
        }
        List<Impostor> impostors = List.of(
                new Impostor("licence.pdf", TestFiles.html(), "application/pdf", "HTML"),
                new Impostor("licence.pdf", TestFiles.png(), "application/octet-stream", "PNG"),
                new Impostor("photo.jpg", TestFiles.pdf("x"), "application/octet-stream", "PDF"),
                new Impostor("scan.png", TestFiles.jpeg(), "application/octet-stream", "JPEG"),
                new Impostor("licence.ofd", TestFiles.zip("readme.txt", "not an OFD"), "application/octet-stream", "ZIP"),
                new Impostor("scan", TestFiles.pdf("x"), "image/png", "PDF"),
                new Impostor("setup.pdf", new byte[] {'M', 'Z', 0, 1, 2, 3}, "application/pdf", "EXECUTABLE"),
                new Impostor("page.html", TestFiles.html(), "text/html", "HTML"));
        for (Impostor impostor : impostors) {
            upload(null, impostor.name(), impostor.bytes(), impostor.declared()).then().statusCode(415)
                    .contentType(containsString("application/problem+json"))
                    .body("type", containsString("unsupported-document-type"))
                    .body("detected", equalTo(impostor.detected()));
        }
        upload(null, "licence.pdf", TestFiles.html(), "application/pdf").then().header("Content-Language", "zh-CN")
                .body("detail", containsString("HTML 网页"));
        RestAssured.given().header("Accept-Language", "en").multiPart("file", "licence.pdf", TestFiles.png(), "application/pdf")
                .post(PATH).then().statusCode(415).body("detail", containsString("a PNG image"));
    }

    @Test
    void anUploadWithoutAFileOrWithAnEmptyOneNamesTheField() {
        RestAssured.given().multiPart("kind", "BUSINESS_LICENSE").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(null, "empty.pdf", new byte[0], "application/pdf").then().statusCode(400).body("errors[0].field", equalTo("file"));
    }

    @Test
    void aFileOverTheLimitIsRefusedFromItsLengthBeforeItsBodyIsSent() throws IOException {
        long declared = 21L * 1024 * 1024;
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String boundary = "----emall" + UUID.randomUUID();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + declared + "\r\n\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
                    + "name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            // Only 64 KiB of the 21 MiB were sent: the answer comes without the rest.
            String head = new String(readHead(socket.getInputStream()), StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
            assertTrue(head.toLowerCase().contains("application/problem+json"), head);
        }
    }

    @Test
    void aFileOverTheLimitSentWithoutALengthIsRefusedAndNothingIsStored() throws Exception {
        long before = count("select count(*) from document");
        byte[] part = new byte[1024 * 1024];
        Arrays.fill(part, (byte) 'x');
        String boundary = "emall" + UUID.randomUUID();
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(start),
                new java.io.SequenceInputStream(java.util.Collections.enumeration(IntStream.range(0, 21)
                        .mapToObj(i -> (InputStream) new java.io.ByteArrayInputStream(part)).toList())),
                new java.io.ByteArrayInputStream(end))));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(service.resolve(PATH))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(before, count("select count(*) from document"));
    }

    @Test
    void anAnonymousUploadIsReadByNobodyUntilAnApplicationNamesItAndThenOnlyOnce() {
        String licence = Api.upload(null, "营业执照.pdf", TestFiles.pdf("licence"));
        Api.Admitted other = Api.admittedSupplier(officer);
        RestAssured.given().get(PATH + "/" + licence).then().statusCode(404);
        as(officer).get(PATH + "/" + licence).then().statusCode(404);
        as(other.token()).get(PATH + "/" + licence + "/meta").then().statusCode(404);

        String code = Api.newCreditCode();
        long supplier = ((Number) RestAssured.given().contentType("application/json").body(Api.application(code, licence))
                .post("/api/v1/supplier-applications").then().statusCode(201).extract().path("supplierId")).longValue();
        as(officer).get(PATH + "/" + licence + "/meta").then().statusCode(200)
                .body("uses", hasSize(1)).body("uses[0].usedBy", equalTo("APPLICATION"))
                .body("uses[0].supplierId", equalTo((int) supplier));
        as(officer).get("/api/v1/suppliers/" + supplier).then().statusCode(200)
                .body("materials[0].documentRef", equalTo(licence))
                .body("materials[0].sha256", equalTo(sha256(TestFiles.pdf("licence"))));
        as(other.token()).get(PATH + "/" + licence).then().statusCode(404);

        RestAssured.given().contentType("application/json").body(Api.application(Api.newCreditCode(), licence))
                .post("/api/v1/supplier-applications").then().statusCode(400)
                .body("errors[0].field", equalTo("materials[0].documentRef"))
                .body("errors[0].message", containsString("另一份入驻申请"));
        Api.approve(officer, supplier);
        String own = Api.token(code, Api.SUPPLIER_PASSWORD);
        as(own).get(PATH + "/" + licence).then().statusCode(200);
    }

    @Test
    void unknownAndOtherSuppliersDocumentsAreRefusedWithTheField() {
        Api.Admitted a = Api.admittedSupplier(officer);
        Api.Admitted b = Api.admittedSupplier(officer);
        String ofA = Api.upload(a.token(), "合同.pdf", TestFiles.pdf("contract of A"));
        as(a.token()).get(PATH + "/" + ofA).then().statusCode(200);
        as(b.token()).get(PATH + "/" + ofA).then().statusCode(404);
        as(Api.orderSystemToken()).get(PATH + "/" + ofA).then().statusCode(404);
        long notice = processingNotice(b.id());
        as(b.token()).body(Map.of("message", "见附件", "materials", List.of(
                        Map.of("kind", "CONTRACT", "documentRef", ofA),
                        Map.of("kind", "CONTRACT", "documentRef", UUID.randomUUID().toString()),
                        Map.of("kind", "CONTRACT", "documentRef", "doc://contract/1"))))
                .post("/api/v1/notices/" + notice + "/response").then().statusCode(400)
                .body("errors.field", hasItems("materials[0].documentRef", "materials[1].documentRef", "materials[2].documentRef"));
        String ofB = Api.upload(b.token(), "说明.png", TestFiles.png());
        as(b.token()).body(Map.of("message", "见附件", "materials", List.of(Map.of("kind", "EXPLANATION", "documentRef", ofB),
                        Map.of("kind", "EXPLANATION", "documentRef", ofB))))
                .post("/api/v1/notices/" + notice + "/response").then().statusCode(400)
                .body("errors[0].field", equalTo("materials[1].documentRef"));
        as(b.token()).body(Map.of("message", "见附件", "materials", List.of(Map.of("kind", "EXPLANATION", "documentRef", ofB))))
                .post("/api/v1/notices/" + notice + "/response").then().statusCode(200)
                .body("responseMaterials[0].documentRef", equalTo(ofB))
                .body("responseMaterials[0].sha256", equalTo(sha256(TestFiles.png())));
        as(officer).get(PATH + "/" + ofB).then().statusCode(200).contentType("image/png");
    }

    @Test
    void anAppealsTwoDocumentsAreServedByteIdenticalToTheOfficerWithSafeHeaders() throws SQLException {
        Api.Admitted supplier = Api.admittedSupplier(officer);
        byte[] contract = TestFiles.pdf("Contract 2023-17 " + "x".repeat(2000));
        byte[] invoice = TestFiles.ofd();
        String contractId = Api.upload(supplier.token(), "销售合同（2023）.pdf", contract);
        String invoiceId = Api.upload(supplier.token(), "发票.ofd", invoice);
        long notice = delistingNotice(supplier.id());
        long appeal = ((Number) as(supplier.token()).body(Map.of("reason", "2023年有线下订单未录入", "materials", List.of(
                        Map.of("kind", "CONTRACT", "documentRef", contractId), Map.of("kind", "INVOICE", "documentRef", invoiceId))))
                .post("/api/v1/notices/" + notice + "/appeal").then().statusCode(201)
                .body("materials[1].sha256", equalTo(sha256(invoice)))
                .extract().path("id")).longValue();

        Response pdf = as(officer).get(PATH + "/" + contractId);
        pdf.then().statusCode(200).contentType("application/pdf")
                .header("Content-Length", String.valueOf(contract.length))
                .header("ETag", "\"" + sha256(contract) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("Content-Disposition", containsString("inline"))
                .header("Content-Disposition", containsString("filename*=UTF-8''"
                        + URLEncoder.encode("销售合同（2023）.pdf", StandardCharsets.UTF_8)));
        assertArrayEquals(contract, pdf.asByteArray());
        Response ofd = as(officer).get(PATH + "/" + invoiceId);
        ofd.then().statusCode(200).contentType("application/ofd").header("Content-Disposition", containsString("attachment"));
        assertArrayEquals(invoice, ofd.asByteArray());

        as(officer).header("If-None-Match", "\"" + sha256(contract) + "\"").get(PATH + "/" + contractId).then().statusCode(304);
        Response range = as(officer).header("Range", "bytes=100-1099").get(PATH + "/" + contractId);
        range.then().statusCode(206).header("Content-Range", "bytes 100-1099/" + contract.length)
                .header("Content-Length", "1000");
        assertArrayEquals(Arrays.copyOfRange(contract, 100, 1100), range.asByteArray());
        Response tail = as(officer).header("Range", "bytes=-10").get(PATH + "/" + contractId);
        assertArrayEquals(Arrays.copyOfRange(contract, contract.length - 10, contract.length), tail.asByteArray());
        as(officer).header("Range", "bytes=" + contract.length + "-").get(PATH + "/" + contractId).then().statusCode(416)
                .header("Content-Range", "bytes */" + contract.length);

        as(officer).get("/api/v1/audit?subject=appeal/" + appeal).then().statusCode(200)
                .body("items[0].after.materials.sha256", hasItems(sha256(contract), sha256(invoice)));
        as(officer).get(PATH + "/" + invoiceId + "/meta").then().statusCode(200)
                .body("uses[0].usedBy", equalTo("APPEAL")).body("uses[0].subjectId", equalTo((int) appeal));

        SQLException changed = assertThrows(SQLException.class,
                () -> execute("update document set filename = 'other.pdf' where id = '" + contractId + "'"));
        assertTrue(changed.getMessage().contains("never changed"), changed.getMessage());
        SQLException deleted = assertThrows(SQLException.class,
                () -> execute("delete from document_content where document_id = '" + contractId + "'"));
        assertTrue(deleted.getMessage().contains("is used"), deleted.getMessage());
        assertThrows(SQLException.class, () -> execute("update document_content set bytes = '\\x00' where document_id = '"
                + invoiceId + "'"));
    }

    @Test
    void anUploadNothingUsesIsDeletedAfterADayAndAUsedOneIsKept() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as(officer).body(Map.of("now", now.toString())).put("/api/v1/sandbox/clock").then().statusCode(200);
        String unused = Api.upload(null, "草稿.pdf", TestFiles.pdf("draft"));
        String used = Api.upload(null, "营业执照.pdf", TestFiles.pdf("used"));
        Api.apply(Api.newCreditCode(), used);
        as(officer).body(Map.of("now", now.plus(23, ChronoUnit.HOURS).toString())).put("/api/v1/sandbox/clock").then().statusCode(200);
        documents.collectUnused();
        assertEquals(1, count("select count(*) from document where id = '" + unused + "'"));
        as(officer).body(Map.of("now", now.plus(25, ChronoUnit.HOURS).toString())).put("/api/v1/sandbox/clock").then().statusCode(200);
        assertTrue(documents.collectUnused() >= 1);
        assertEquals(0, count("select count(*) from document where id = '" + unused + "'"));
        assertEquals(0, count("select count(*) from document_content where document_id = '" + unused + "'"));
        assertEquals(1, count("select count(*) from document where id = '" + used + "'"));
        RestAssured.given().contentType("application/json").body(Api.application(Api.newCreditCode(), unused))
                .post("/api/v1/supplier-applications").then().statusCode(400)
                .body("errors[0].field", equalTo("materials[0].documentRef"));
    }

    @Test
    void atMostTwentyDocumentsPerAppeal() {
        Api.Admitted supplier = Api.admittedSupplier(officer);
        List<Map<String, Object>> materials = IntStream.range(0, 21).mapToObj(i -> Api.contract(supplier.token())).toList();
        as(supplier.token()).body(Map.of("reason", "有销售业绩", "materials", materials))
                .post("/api/v1/notices/" + delistingNotice(supplier.id()) + "/appeal").then().statusCode(400)
                .body("errors[0].field", equalTo("materials"));
    }

    private long processingNotice(long supplierId) {
        return ((Number) as(officer).body(Map.of("supplierId", supplierId, "subject", "价格核查", "body", "请说明定价依据",
                "workingDays", 5)).post("/api/v1/notices").then().statusCode(201).extract().path("id")).longValue();
    }

    private long delistingNotice(long supplierId) throws RuntimeException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("insert into notice (supplier_id, kind, status, rule, notice_date, deadline, working_days, "
                    + "subject, body, evidence, issued_by, created_at) values (" + supplierId + ", 'DELISTING', 'OPEN', "
                    + "'ZERO_SALES_SUPPLIER', current_date, date '2099-12-31', 3, '清退通知', '连续2年销售业绩为零', "
                    + "'{}'::jsonb, 'document-test', now()) returning id");
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int b;
        int matched = 0;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
