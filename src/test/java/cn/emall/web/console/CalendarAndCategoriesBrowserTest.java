package cn.emall.web.console;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 日历 and 品目 in headless Chromium: a year at a glance with its holidays and make-up days, a year
 * without an arrangement on the provisional statutory days, replacing a year with its validation errors
 * shown and then accepted, and the categories with their parameter templates.
 */
@QuarkusTest
class CalendarAndCategoriesBrowserTest extends ConsoleReadingBrowserTest {

    @Test
    void yearAtAGlanceShowsHolidaysMakeUpDaysAndProvisionalStatutoryDays() {
        signIn();
        visit("/console/calendar?year=2024", "2024");
        assertEquals("工作日日历 2024 年", find("h1").getText());
        assertEquals(12, findAll("table.month").size());
        assertEquals("day day-holiday", day("2024-10-01").getAttribute("class"));
        assertTrue(day("2024-10-01").getAttribute("title").contains("国庆节"), day("2024-10-01").getAttribute("title"));
        assertEquals("day day-makeup", day("2024-09-29").getAttribute("class"), "Sunday 2024-09-29 is a make-up working day");
        assertEquals("day day-weekend", day("2024-09-28").getAttribute("class"));
        assertEquals("day day-workday", day("2024-09-27").getAttribute("class"));
        assertTrue(findAll("#statutory-note").isEmpty(), "2024 has the State Council's arrangement");

        visit("/console/calendar?year=2097", "2097-statutory");
        assertTrue(find("#statutory-note").getText().contains("暂定"), find("#statutory-note").getText());
        assertEquals("day day-holiday", day("2097-10-01").getAttribute("class"), "National Day by the law");
        assertTrue(findAll("td.day-makeup").isEmpty(), "no make-up working days are assumed");
    }

    @Test
    void replacingAYearShowsTheValidationErrorsThenTakesTheYear() {
        signIn();
        visit("/console/calendar?year=2098", "2098-before");
        assertTrue(find("#statutory-note").isDisplayed());
        paste("{\"holidays\": [{\"name\": \"国庆节\", \"from\": \"2098-10-01\", \"to\": \"2098-12-31\"}], "
                + "\"makeupWorkdays\": [\"2098-10-08\"]}");
        find("#replace-form button[type='submit']").click();
        waitUntil(driver -> !findAll("#replace-problem").isEmpty());
        waitUntil(loaded());
        screenshot("refused");
        List<String> errors = findAll("#replace-problem .error-list li").stream().map(WebElement::getText).toList();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("holidays[0]")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("makeupWorkdays[0]")), errors.toString());
        assertEquals("true", find("#calendar-data").getAttribute("aria-invalid"));
        assertTrue(find("#calendar-data").getAttribute("value").contains("2098-12-31"), "the data as typed is kept");

        paste("{\"holidays\": [{\"name\": \"国庆节\", \"from\": \"2098-10-01\", \"to\": 7}], \"makeupWorkdays\": []}");
        find("#replace-form button[type='submit']").click();
        waitUntil(driver -> !findAll("#replace-problem").isEmpty());
        assertTrue(find("#replace-problem").getText().contains("holidays[0].to"), find("#replace-problem").getText());

        paste("{\"holidays\": [{\"name\": \"国庆节\", \"from\": \"2098-10-01\", \"to\": \"2098-10-07\"}], "
                + "\"makeupWorkdays\": [\"2098-10-11\"]}");
        find("#replace-form button[type='submit']").click();
        waitUntil(driver -> address().startsWith("/console/calendar?year=2098") && findAll("#replace-problem").isEmpty());
        waitUntil(loaded());
        screenshot("replaced");
        assertTrue(findAll("#statutory-note").isEmpty(), "2098 now has an arrangement");
        assertEquals("day day-makeup", day("2098-10-11").getAttribute("class"));
        assertEquals("day day-holiday", day("2098-10-07").getAttribute("class"));
        Api.as(Api.officerToken()).get("/api/v1/calendar/2098").then().statusCode(200)
                .body("source", org.hamcrest.Matchers.equalTo("STATE_COUNCIL"))
                .body("makeupWorkdays[0]", org.hamcrest.Matchers.equalTo("2098-10-11"));
        Api.as(Api.officerToken()).get("/api/v1/audit?subject=calendar/2098").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("\"actor\":\"" + Api.OFFICER + "\""));
    }

    @Test
    void categoriesShowTheirParameterTemplates() {
        String code = Api.category(Api.officerToken());
        signIn();
        find(".console-nav a[href='/console/categories']").click();
        waitUntil(loaded());
        screenshot("categories");
        visit("/console/categories/" + code, "category");
        List<WebElement> rows = findAll("table.parameters-table tbody tr");
        assertFalse(rows.isEmpty());
        for (WebElement row : rows) {
            assertFalse(cell(row, "类型").isEmpty());
            assertTrue(List.of("是", "否").contains(cell(row, "必填")));
        }
    }

    private WebElement day(String date) {
        return find("td[data-date='" + date + "']");
    }

    private void paste(String json) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find("#calendar-data"), json);
    }
}
