package cn.emall.web.console;

import cn.emall.testsupport.Api;
import cn.emall.web.BrowserTest;

/** A browser test of the console: {@link BrowserTest}'s headless Chromium, and signing in through the form. */
public abstract class ConsoleBrowserTest extends BrowserTest {

    /** Signs in as the bootstrap officer and lands on the dashboard (or the page {@code next} named). */
    protected void signIn() {
        signIn(Api.OFFICER, Api.OFFICER_PASSWORD);
    }

    /** Fills in and sends the sign-in form; saves the sign-in page and the page after it. */
    protected void signIn(String username, String password) {
        visit("/console/login", "sign-in");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("form.form button[type='submit']").click();
        waitUntil(driver -> !address().equals("/console/login") || !findAll(".message-error").isEmpty());
        waitUntil(loaded());
        screenshot("after-sign-in");
    }
}
