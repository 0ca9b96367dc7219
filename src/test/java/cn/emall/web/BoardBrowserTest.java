package cn.emall.web;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import cn.emall.testsupport.BoardStory.Delisted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public board in headless Chromium, as the public reads it: from the landing page to an announcement and its feed. */
@QuarkusTest
class BoardBrowserTest extends BrowserTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Inject
    AgroalDataSource dataSource;

    private String officer;

    @BeforeEach
    void signInTheOfficer() {
        officer = Api.officerToken();
    }

    @AfterEach
    void backToTheRealClock() {
        BoardStory.backToTheRealClock(officer);
    }

    @Test
    void delistingNoticeIsOnTheBoardOpenAndWithdrawnOnceTheAppealIsAccepted() throws Exception {
        String name = "呼和浩特市青城" + SEQUENCE.incrementAndGet() + "办公设备有限公司";
        Delisted supplier = BoardStory.delist(dataSource, officer, name).get(0);

        visit("/", "landing");
        assertEquals("zh-CN", find("html").getAttribute("lang"));
        assertTrue(find("h1").getText().contains("政府采购电子卖场"));
        for (String link : List.of("/board", "/console", "/q/swagger-ui", "/q/openapi", "/board/feed.atom")) {
            assertFalse(findAll("main a[href='" + link + "']").isEmpty(), "the landing page links to " + link);
        }
        find(".cards a[href='/board']").click();
        waitUntil(loaded());
        screenshot("board");
        assertEquals("/board", address());
        assertEquals("公示栏", find(".site-nav a[aria-current='page']").getText());

        WebElement search = find("#q");
        assertEquals("供应商名称或统一社会信用代码", find("label[for='q']").getText(), "the search field has its label");
        search.sendKeys(supplier.creditCode());
        search.sendKeys(Keys.ENTER);
        waitUntil(driver -> rows().size() == 1 && cell(rows().get(0), "统一社会信用代码").equals(supplier.creditCode()));
        waitUntil(loaded());
        screenshot("found-by-credit-code");
        assertTrue(address().startsWith("/board?") && address().contains("q=" + supplier.creditCode()),
                "htmx put the search into the address: " + address());
        WebElement row = rows().get(0);
        assertEquals(name, cell(row, "供应商名称"));
        assertEquals("清退公示", cell(row, "规则"));
        assertEquals(BoardStory.WINDOW_FROM + " 至 " + BoardStory.WINDOW_TO, cell(row, "考核期"));
        assertEquals(BoardStory.NOTICE_DATE, cell(row, "公示日期"));
        assertEquals(BoardStory.APPEAL_DEADLINE, cell(row, "申诉截止日期"));
        assertEquals("公示中", cell(row, "状态"));

        row.findElement(By.linkText(name)).click();
        waitUntil(loaded());
        screenshot("announcement-open");
        assertEquals("/board/" + supplier.noticeId(), address());
        assertEquals(name, find("h1").getText());
        Map<String, String> facts = facts();
        assertEquals(supplier.creditCode(), facts.get("统一社会信用代码"));
        assertEquals("清退公示（连续2年销售业绩为零）", facts.get("规则"));
        assertEquals("公示中", facts.get("状态"));

        BoardStory.appealAccepted(officer, supplier);
        visit("/board?q=" + supplier.creditCode(), "withdrawn");
        assertEquals("已撤销", cell(rows().get(0), "状态"));

        new Select(find("#status")).selectByVisibleText("公示中");
        waitUntil(driver -> !findAll(".empty").isEmpty());
        waitUntil(loaded());
        screenshot("filtered-open-none");
        assertTrue(address().contains("status=OPEN"), address());
        new Select(find("#status")).selectByVisibleText("已撤销");
        waitUntil(driver -> rows().size() == 1);
        waitUntil(loaded());
        screenshot("filtered-withdrawn");
        assertEquals("已撤销", cell(rows().get(0), "状态"));

        visit("/board/" + supplier.noticeId(), "announcement-withdrawn");
        facts = facts();
        assertEquals("已撤销", facts.get("状态"));
        assertEquals("2024-01-03 15:00", facts.get("最后更新"), "the appeal was decided then");

        asPhone();
        visit("/board?q=" + supplier.creditCode(), "phone");
        assertEquals("block", rows().get(0).getCssValue("display"), "on a phone each announcement is a card");

        Element entry = feedEntry(supplier.noticeId());
        assertEquals("urn:emall:announcement:" + supplier.noticeId(), text(entry, "id"));
        assertEquals("清退公示：" + name + "（已撤销）", text(entry, "title"));
        assertEquals(OffsetDateTime.parse("2024-01-03T15:00:00+08:00"),
                OffsetDateTime.parse(text(entry, "updated")).truncatedTo(ChronoUnit.MINUTES), "the appeal was decided then");
        assertTrue(text(entry, "summary").contains(supplier.creditCode()));
    }

    @Test
    void pagingWithHtmxChangesTheResultsInPlaceAndTheAddressWithThem() throws Exception {
        String word = "乌兰察布" + SEQUENCE.incrementAndGet();
        List<Delisted> suppliers = BoardStory.delist(dataSource, officer, word + "商贸有限公司", word + "科技有限公司");

        visit("/board?q=" + word + "&size=1", "first-page");
        assertEquals("共找到 2 条符合条件的公示，本页显示第 1–1 条。", find(".summary").getText().replace(" 清除查询条件", ""));
        String first = cell(rows().get(0), "供应商名称");
        ((JavascriptExecutor) browser).executeScript("window.stillThisPage = true");
        find(".pager a[rel='next']").click();
        waitUntil(driver -> !cell(rows().get(0), "供应商名称").equals(first));
        waitUntil(loaded());
        screenshot("second-page");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillThisPage === true"),
                "the page was not loaded again: htmx swapped the results");
        assertTrue(address().contains("page=1") && address().contains("size=1"), address());
        assertEquals("第 2 页，共 2 页", find(".pager-current").getText());
        List<String> names = new ArrayList<>(List.of(first, cell(rows().get(0), "供应商名称")));
        names.sort(null);
        assertEquals(suppliers.stream().map(Delisted::name).sorted().toList(), names, "each on its own page");

        browser.navigate().back();
        waitUntil(driver -> cell(rows().get(0), "供应商名称").equals(first));
        waitUntil(loaded());
        screenshot("back-to-the-first-page");
    }

    @Test
    void badAddressesShowChineseErrorPagesThatLeadBackToTheBoard() {
        visit("/board?page=-1&status=FOO", "bad-query");
        assertEquals("请求无效", find("h1").getText());
        assertEquals(List.of("页码（page）：必须大于或等于 0",
                        "状态（status）：必须是以下之一：OPEN、APPEALED、APPEAL_REJECTED、WITHDRAWN、TERMINATED"),
                findAll(".error-list li").stream().map(WebElement::getText).toList());
        visit("/board/999999999999", "unknown-announcement");
        assertEquals("未找到", find("h1").getText());
        assertEquals("未找到公示 999999999999。", find(".error-page h1 + p").getText());
        find(".error-links a[href='/board']").click();
        waitUntil(loaded());
        assertEquals("/board", address());
    }

    private List<WebElement> rows() {
        return findAll("table.board-table tbody tr");
    }

    private static String cell(WebElement row, String label) {
        return row.findElement(By.cssSelector("td[data-label='" + label + "']")).getText().trim();
    }

    /** The facts of an announcement's page, by their labels. */
    private Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (WebElement fact : findAll("dl.facts > div")) {
            facts.put(fact.findElement(By.tagName("dt")).getText(), fact.findElement(By.tagName("dd")).getText());
        }
        return facts;
    }

    /** The notice's entry in the feed, read with an XML parser; the feed carries its required elements and links. */
    private Element feedEntry(long noticeId) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "board/feed.atom?size=200")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertEquals("application/atom+xml;charset=UTF-8", answer.headers().firstValue("Content-Type").orElseThrow());
        Document feed = atom(answer.body());
        Element root = feed.getDocumentElement();
        assertEquals("feed", root.getLocalName());
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("urn:emall:board", text(root, "id"));
        assertNotNull(OffsetDateTime.parse(text(root, "updated")));
        assertFalse(text((Element) root.getElementsByTagNameNS(ATOM, "author").item(0), "name").isBlank());
        List<String> relations = new ArrayList<>();
        NodeList links = root.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            if (links.item(i).getParentNode() == root) {
                relations.add(((Element) links.item(i)).getAttribute("rel"));
            }
        }
        assertTrue(relations.containsAll(List.of("self", "alternate", "first", "last")), relations.toString());
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
            if (link.getAttribute("href").equals(base + "board/" + noticeId)) {
                return entry;
            }
        }
        throw new AssertionError("no entry for notice " + noticeId + " in the feed");
    }

    static Document atom(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && ATOM.equals(child.getNamespaceURI())
                    && name.equals(child.getLocalName())) {
                return child.getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
