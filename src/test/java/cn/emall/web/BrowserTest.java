package cn.emall.web;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real browser for the pages of a {@code @QuarkusTest}: Debian's headless Chromium
 * ({@value #CHROMIUM}) driven by Selenium through Debian's chromedriver ({@value #CHROMEDRIVER}), both
 * named explicitly so that Selenium Manager never downloads one; a fresh profile for every test. Every
 * page a test visits, and every state it looks at after an update in place, is saved as a PNG under
 * {@value #SCREENSHOTS}/ (class-test-number-what.png).
 */
public abstract class BrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String SCREENSHOTS = "target/screenshots";
    /** A laptop's window; {@link #asPhone()} makes it a phone's. */
    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    protected URL base;

    protected WebDriver browser;
    /** Where the browser saves what it downloads: a fresh directory for every test. */
    protected Path downloads;
    private ChromeDriverService service;
    private Path profile;
    private String shotPrefix;
    private int shots;

    /** Whether the browser runs scripts; a test of the pages without JavaScript overrides this. */
    protected boolean javascript() {
        return true;
    }

    @BeforeEach
    void startBrowser(TestInfo test) throws IOException {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium and chromedriver are installed (Debian packages chromium, chromium-driver)");
        profile = Files.createTempDirectory("emall-chromium-");
        downloads = Files.createTempDirectory("emall-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + LAPTOP.width + "," + LAPTOP.height, "--lang=zh-CN",
                "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
                "profile.managed_default_content_settings.javascript", javascript() ? 1 : 2,
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        ((HasCdp) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        shotPrefix = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
        shots = 0;
        Files.createDirectories(Path.of(SCREENSHOTS));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteDirectory(profile);
            deleteDirectory(downloads);
        }
    }

    /** Opens the page at the service's path, waits for it to load, and saves its screenshot. */
    protected void visit(String path, String what) {
        browser.get(base.toString().replaceAll("/$", "") + path);
        waitUntil(loaded());
        screenshot(what);
    }

    /**
     * Saves the whole page as the browser shows it now, beyond the window's height (Chromium's DevTools
     * capture), as target/screenshots/Class-test-NN-what.png.
     */
    protected void screenshot(String what) {
        byte[] png = wholePage();
        shots++;
        Path file = Path.of(SCREENSHOTS, String.format("%s-%02d-%s.png", shotPrefix, shots, what));
        try {
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private byte[] wholePage() {
        if (!(browser instanceof HasCdp cdp)) {
            return ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        }
        Map<String, Object> size = (Map<String, Object>) cdp.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** The file the browser downloaded under this name, once it has arrived whole (no partial .crdownload left). */
    protected Path downloaded(String filename) {
        Path file = downloads.resolve(filename);
        waitUntil(driver -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(filename + ".crdownload")));
        return file;
    }

    protected void asPhone() {
        browser.manage().window().setSize(PHONE);
    }

    /** Waits for the condition, looking again at elements that an update in place replaced. */
    protected <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The document has loaded, and htmx (when scripts run) has no request in flight. */
    protected static ExpectedCondition<Boolean> loaded() {
        return driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"))
                && driver.findElements(By.cssSelector(".htmx-request")).isEmpty();
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected List<WebElement> findAll(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** The path and query of the address the browser shows, such as /board?q=...: what htmx pushed into its history. */
    protected String address() {
        String url = browser.getCurrentUrl();
        return url.substring(base.toString().replaceAll("/$", "").length());
    }

    private static void deleteDirectory(Path directory) throws IOException {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Chromium may still be writing into its profile or downloads as it exits; the temporary directory goes with the machine.
        }
    }
}
