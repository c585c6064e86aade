package cn.pes.casework.platform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The running platform seen through headless Debian Chromium (installed by {@code .ci/run}): a fresh
 * browser per test at laptop size in Chinese, and the few moves every browser test makes.
 */
abstract class BrowserPlatformTest extends SecuredPlatformTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        clock.set(NOW);
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1280,900", "--lang=zh-CN");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(browser.findElement(By.cssSelector("button[type=submit]")));
    }

    /** Date inputs take what the browser's locale types; setting the value is the same for every locale. */
    void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id, isoDate);
    }

    /** Clicks and waits for the next page, so that nothing is read from the one being left. */
    void submit(WebElement button) {
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or (Chromium) "node does not belong to the document": either way the page has changed.
                return true;
            }
        });
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
