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
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board with scripts off: the search is a plain GET form and the pages are plain links. */
@QuarkusTest
class BoardWithoutJavaScriptTest extends BrowserTest {

    @Inject
    AgroalDataSource dataSource;

    private String officer;

    @Override
    protected boolean javascript() {
        return false;
    }

    @BeforeEach
    void signInTheOfficer() {
        officer = Api.officerToken();
    }

    @AfterEach
    void backToTheRealClock() {
        BoardStory.backToTheRealClock(officer);
    }

    @Test
    void searchFormAndPagerWorkAsPlainRequests() throws Exception {
        String word = "包头" + System.nanoTime() % 100_000;
        List<Delisted> suppliers = BoardStory.delist(dataSource, officer, word + "文具有限公司", word + "家具有限公司");

        visit("/board", "board");
        find("#q").sendKeys(word);
        new Select(find("#status")).selectByVisibleText("公示中");
        find(".search button[type='submit']").click();
        waitUntil(loaded());
        screenshot("searched");
        assertTrue(address().startsWith("/board?q=") && address().endsWith("&status=OPEN"), address());
        assertEquals(2, findAll("table.board-table tbody tr").size());
        assertEquals("公示中", new Select(find("#status")).getFirstSelectedOption().getText(), "the form keeps the search");

        visit("/board?q=" + suppliers.get(0).creditCode() + "&size=1", "one-per-page");
        assertEquals(1, findAll("table.board-table tbody tr").size());
        visit("/board?q=" + word + "&size=1", "first-of-two");
        find(".pager a[rel='next']").click();
        waitUntil(loaded());
        screenshot("second-of-two");
        assertTrue(address().contains("page=1"), address());
        assertEquals("第 2 页，共 2 页", find(".pager-current").getText());
        assertTrue(browser.findElement(By.cssSelector(".pager a[rel='prev']")).isDisplayed());
    }
}
