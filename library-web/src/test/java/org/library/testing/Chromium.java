package org.library.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its chromedriver, as every browser test drives it: a profile of
 * its own under {@code target/}, a fixed window, no background traffic. The paths can be set with
 * {@code -Dchromium.binary} and {@code -Dwebdriver.chrome.driver}.
 */
public final class Chromium {

    public static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A new browser with a fresh profile; {@link #quit} ends it and removes the profile. */
    public static ChromeDriver start() {
        Path profile;
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-extensions", "--hide-scrollbars",
                "--window-size=1280,900", "--lang=en-GB", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Ends the browser and removes its profile. */
    public static void quit(ChromeDriver driver) {
        Object profile = ((java.util.Map<?, ?>) driver.getCapabilities().getCapability("chrome")).get("userDataDir");
        driver.quit();
        if (profile != null) {
            try (var files = Files.walk(Path.of(profile.toString()))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a left-over profile in target/ does no harm
            }
        }
    }
}
