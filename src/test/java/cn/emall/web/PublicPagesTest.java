package cn.emall.web;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import cn.emall.testsupport.BoardStory.Delisted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.net.URL;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public pages over plain HTTP: their content types and headers, the results htmx asks for, the
 * Chinese error pages for bad queries (400) and unknown announcements (404), escaping, and the feed's paging.
 */
@QuarkusTest
class PublicPagesTest {

    static final String HTML = "text/html;charset=UTF-8";
    static final String ATOM = "application/atom+xml;charset=UTF-8";

    /** Suppliers on the board for these tests; the first has a name that HTML and XML must escape. */
    private static List<Delisted> onTheBoard;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void putSuppliersOnTheBoard() throws SQLException {
        if (onTheBoard == null) {
            String officer = Api.officerToken();
            try {
                long n = System.nanoTime() % 100_000;
                onTheBoard = BoardStory.delist(dataSource, officer, "赤峰<b>&\"'" + n + "有限公司", "通辽" + n + "有限公司",
                        "鄂尔多斯" + n + "有限公司");
            } finally {
                BoardStory.backToTheRealClock(officer);
            }
        }
    }

    @Test
    void landingPageIsChineseHtmlThatLinksToTheBoardTheConsoleAndTheApiDocuments() {
        RestAssured.get("/").then().statusCode(200).contentType(HTML).header("Content-Language", "zh-CN")
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("href=\"/board\""), containsString("href=\"/console\""),
                        containsString("href=\"/q/swagger-ui\""), containsString("href=\"/q/openapi\""))
                .body(containsString("<link rel=\"stylesheet\" href=\"/assets/site.css\">"))
                .body(containsString("<script src=\"" + Site.HTMX + "\" defer></script>"));
    }

    @Test
    void boardIsAWholePageAndHtmxGetsOnlyItsResultsUnlessItRestoresItsHistory() {
        String code = onTheBoard.get(1).creditCode();
        RestAssured.get("/board?q=" + code).then().statusCode(200).contentType(HTML)
                .header("Vary", containsString("HX-Request"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<form"), containsString(code), containsString("公示中"));
        RestAssured.given().header("HX-Request", "true").get("/board?q=" + code).then().statusCode(200).contentType(HTML)
                .body(not(containsString("<html")), not(containsString("<form")))
                .body(containsString("<table class=\"board-table\">"), containsString(code));
        RestAssured.given().header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                .get("/board?q=" + code).then().statusCode(200).body(containsString("<html lang=\"zh-CN\">"));
    }

    @Test
    void badQueryAnswersAChineseErrorPageWith400NamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/board?page=-1", "页码（page）</strong>：必须大于或等于 0");
        cases.put("/board?page=abc", "页码（page）</strong>：必须是整数");
        cases.put("/board?size=abc", "每页条数（size）</strong>：必须是整数");
        cases.put("/board?size=0", "每页条数（size）</strong>：必须在 1 到 200 之间");
        cases.put("/board?size=201", "每页条数（size）</strong>：必须在 1 到 200 之间");
        cases.put("/board?status=FOO", "状态（status）</strong>：必须是以下之一：OPEN、APPEALED、APPEAL_REJECTED、WITHDRAWN、TERMINATED");
        cases.put("/board?status=HANDLED", "状态（status）</strong>：必须是以下之一");
        cases.put("/board?q=" + "x".repeat(101), "搜索内容（q）</strong>：最多 100 个字符");
        cases.put("/board?q=a%00b", "搜索内容（q）</strong>：");
        cases.put("/board/feed.atom?page=-1", "页码（page）</strong>：必须大于或等于 0");
        cases.put("/board/feed.atom?size=abc", "每页条数（size）</strong>：必须是整数");
        cases.forEach((path, line) -> RestAssured.given().urlEncodingEnabled(false).get(path).then()
                .statusCode(400).contentType(HTML).header("Content-Language", "zh-CN")
                .body(containsString("<html lang=\"zh-CN\">"), containsString("<h1 id=\"error-title\">请求无效</h1>"))
                .body(containsString("<strong>" + line)));
        RestAssured.get("/board?page=abc&size=0&status=FOO").then().statusCode(400)
                .body(containsString("<strong>页码（page）</strong>"), containsString("<strong>每页条数（size）</strong>"),
                        containsString("<strong>状态（status）</strong>"));
    }

    @Test
    void unknownAnnouncementAnswersAChinesePageWith404() {
        String officer = Api.officerToken();
        long processingNotice = ((Number) as(officer).body(Map.of("supplierId", onTheBoard.get(2).supplierId(),
                        "subject", "价格核查", "body", "请说明定价依据", "workingDays", 3))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id")).longValue();
        for (String path : List.of("/board/999999999999", "/board/abc", "/board/" + processingNotice)) {
            RestAssured.get(path).then().statusCode(404).contentType(HTML)
                    .body(containsString("<html lang=\"zh-CN\">"), containsString("未找到"))
                    .body(containsString("未找到公示 " + path.substring("/board/".length()) + "。"));
        }
        RestAssured.get("/board/" + onTheBoard.get(2).noticeId()).then().statusCode(200).contentType(HTML)
                .body(containsString(onTheBoard.get(2).name()));
    }

    @Test
    void namesAreEscapedOnThePagesAndInTheFeed() throws Exception {
        Delisted tricky = onTheBoard.get(0);
        String escaped = tricky.name().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
        for (String path : List.of("/board?q=" + tricky.creditCode(), "/board/" + tricky.noticeId())) {
            RestAssured.get(path).then().statusCode(200).body(containsString(escaped), not(containsString("<b>")));
        }
        Response feed = RestAssured.get("/board/feed.atom?size=200");
        feed.then().statusCode(200).contentType(ATOM).body(not(containsString("<b>")));
        Document document = BoardBrowserTest.atom(feed.asByteArray());
        NodeList titles = document.getElementsByTagNameNS(BoardBrowserTest.ATOM, "title");
        boolean found = false;
        for (int i = 0; i < titles.getLength(); i++) {
            found |= titles.item(i).getTextContent().equals("清退公示：" + tricky.name() + "（公示中）");
        }
        assertTrue(found, "the feed carries the name as it is, once parsed");
    }

    @Test
    void feedPagesLinkToTheFirstPreviousNextAndLastPages() throws Exception {
        long total = ((Number) RestAssured.get("/api/v1/announcements?size=1").then().statusCode(200)
                .extract().path("total")).longValue();
        assertTrue(total >= 3, "the board has at least this test's three announcements");
        Response answer = RestAssured.get("/board/feed.atom?page=1&size=1");
        answer.then().statusCode(200).contentType(ATOM).header("Content-Language", "zh-CN");
        Map<String, String> links = feedLinks(BoardBrowserTest.atom(answer.asByteArray()).getDocumentElement());
        String feed = base + "board/feed.atom";
        assertEquals(feed + "?page=1&size=1", links.get("self"));
        assertEquals(base + "board", links.get("alternate"));
        assertEquals(feed + "?size=1", links.get("first"));
        assertEquals(feed + "?size=1", links.get("prev"));
        assertEquals(feed + "?size=1", links.get("previous"));
        assertEquals(feed + "?page=2&size=1", links.get("next"));
        assertEquals(feed + "?page=" + (total - 1) + "&size=1", links.get("last"));

        Map<String, String> firstPage = feedLinks(BoardBrowserTest.atom(RestAssured.get("/board/feed.atom")
                .then().statusCode(200).extract().asByteArray()).getDocumentElement());
        assertEquals(feed, firstPage.get("self"));
        assertTrue(!firstPage.containsKey("prev") && !firstPage.containsKey("previous"), "the first page has none before it");
    }

    @Test
    void stylesAndHtmxAreServedByTheServiceItself() {
        RestAssured.get("/assets/site.css").then().statusCode(200).contentType(containsString("text/css"))
                .body(containsString(":focus-visible"));
        RestAssured.get(Site.HTMX).then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("htmx"));
    }

    @Test
    void theJsonApiSearchesTheSameBoard() {
        Delisted supplier = onTheBoard.get(1);
        RestAssured.get("/api/v1/announcements?q=" + supplier.creditCode() + "&status=OPEN").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].noticeId", equalTo((int) supplier.noticeId()));
        RestAssured.get("/board?q=" + supplier.creditCode() + "&status=OPEN").then().statusCode(200)
                .body(containsString("href=\"/board/" + supplier.noticeId() + "\""));
    }

    private static Map<String, String> feedLinks(Element feed) {
        Map<String, String> links = new LinkedHashMap<>();
        NodeList children = feed.getElementsByTagNameNS(BoardBrowserTest.ATOM, "link");
        for (int i = 0; i < children.getLength(); i++) {
            Element link = (Element) children.item(i);
            if (link.getParentNode() == feed) {
                links.put(link.getAttribute("rel"), link.getAttribute("href"));
            }
        }
        return links;
    }
}
