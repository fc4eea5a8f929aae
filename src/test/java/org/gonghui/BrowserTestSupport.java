package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages ({@code apt-get install chromium chromium-driver}) for browser tests.
 * <p>
 * Nothing downloads a browser or a driver: both paths are given explicitly, which makes Selenium skip Selenium
 * Manager. A missing browser fails the test (it is never skipped), so CI cannot pass without running it.
 */
public final class BrowserTestSupport {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Where screenshots go, for people (and reviewers) to look at. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(20);

	/**
	 * Selenium warns on every start that it has no CDP classes for this Chromium version; these tests use only the
	 * WebDriver protocol, so the warning is noise. Held here because java.util.logging keeps loggers weakly.
	 */
	private static final List<java.util.logging.Logger> QUIET = Stream
		.of("org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
		.map(java.util.logging.Logger::getLogger)
		.toList();

	private BrowserTestSupport() {
	}

	/** Starts a fresh headless Chromium (new temporary profile) with a desktop window of the given size. */
	public static Browser desktop(String baseUrl, int width, int height) {
		return open(baseUrl, width, height, false, null);
	}

	/** A desktop browser that saves downloads (PDFs included, not shown in the viewer) into {@code downloads}. */
	public static Browser desktop(String baseUrl, int width, int height, Path downloads) {
		return open(baseUrl, width, height, false, downloads);
	}

	/**
	 * Starts a fresh headless Chromium emulating a phone screen of the given CSS size (touch, device pixel ratio 2, the
	 * page's viewport meta tag honoured). Headless Chromium will not make a window narrower than 500 px, so
	 * {@code --window-size=375,800} alone would not give a 375 px page.
	 */
	public static Browser phone(String baseUrl, int width, int height) {
		return open(baseUrl, width, height, true, null);
	}

	private static Browser open(String baseUrl, int width, int height, boolean phone, Path downloads) {
		assertThat(Files.isExecutable(CHROMIUM))
			.as("%s is missing: install it with `apt-get install -y chromium chromium-driver` (browser tests never skip)", CHROMIUM)
			.isTrue();
		assertThat(Files.isExecutable(CHROMEDRIVER))
			.as("%s is missing: install it with `apt-get install -y chromium chromium-driver` (browser tests never skip)", CHROMEDRIVER)
			.isTrue();
		QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
		// Belt and braces: with the driver given, Selenium does not run Selenium Manager.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		Path profile;
		try {
			profile = Files.createTempDirectory("gonghui-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		if (phone) {
			options.setExperimentalOption("mobileEmulation",
					Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true, "mobile", true)));
		}
		if (downloads != null) {
			options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
					"download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
		}
		var logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException e) {
			deleteQuietly(profile);
			throw e;
		}
		return new Browser(driver, baseUrl, profile);
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException | UncheckedIOException e) {
			// a temporary directory; the OS cleans up what is left
		}
	}

	/** One browser window and its console, closed (and its profile deleted) by {@link #close()}. */
	public static final class Browser implements AutoCloseable {

		private final ChromeDriver driver;

		private final String baseUrl;

		private final Path profile;

		private final WebDriverWait wait;

		private final List<String> console = new ArrayList<>();

		Browser(ChromeDriver driver, String baseUrl, Path profile) {
			this.driver = driver;
			this.baseUrl = baseUrl;
			this.profile = profile;
			this.wait = new WebDriverWait(driver, WAIT);
			// A condition may look at the page that is just being replaced by the next one. Chromium 156 answers that
			// not always as a stale element but as an "unhandled inspector error" (node does not belong to the
			// document), a plain WebDriverException; a condition that keeps failing still times out with its cause.
			this.wait.ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.WebDriverException.class);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		}

		public ChromeDriver driver() {
			return driver;
		}

		public WebDriverWait await() {
			return wait;
		}

		public void get(String path) {
			driver.get(baseUrl + path);
			waitForPage();
		}

		/**
		 * Clicks what submits a form or follows a link and waits for the next page: the old document gone, the new one
		 * loaded. {@link #waitForPage} alone may look at the old page, still complete, before the browser leaves it.
		 */
		public void submit(By by) {
			WebElement old = driver.findElement(By.tagName("html"));
			driver.findElement(by).click();
			wait.until(d -> isGone(old));
			waitForPage();
		}

		private static boolean isGone(WebElement element) {
			try {
				element.getTagName();
				return false;
			}
			catch (StaleElementReferenceException e) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException e) {
				if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		}

		/** Waits until the document has loaded and the deferred scripts (htmx, app.js) have run. */
		public void waitForPage() {
			wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		}

		public WebElement visible(By by) {
			return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
		}

		public WebElement clickable(By by) {
			return wait.until(ExpectedConditions.elementToBeClickable(by));
		}

		/** The path and query of the current address, e.g. {@code /login?logout}. */
		/**
		 * Picks an organisation in the picker of the field: types part of the name, waits for the live
		 * search to propose it, clicks it, and checks the hidden field took an id.
		 */
		/** Types into the picker of the field and waits for its proposals; answers the names proposed. */
		public List<String> typeInPicker(String field, String typed) {
			WebElement box = visible(By.id(field + "-search"));
			box.clear();
			box.sendKeys(typed);
			return await().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
				var names = d.findElements(By.cssSelector("#" + field + "-options li[role=option] .name")).stream().map(WebElement::getText).toList();
				// The answer to what was typed (not the one to the focus, which proposes everything): every name contains it.
				return names.isEmpty() || !names.stream().allMatch(n -> n.contains(typed)) ? null : names;
			});
		}

		public void pick(String field, String typed, String name) {
			WebElement box = visible(By.id(field + "-search"));
			box.clear();
			box.sendKeys(typed);
			By option = By.xpath("//ul[@id='" + field + "-options']/li[@role='option'][span[@class='name' and normalize-space()='" + name + "']]");
			// The list is redrawn as answers arrive (on focus, then per keystroke): retry a click that meets an old one.
			await().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
				d.findElement(option).click();
				return !d.findElement(By.id(field)).getDomProperty("value").isEmpty();
			});
			assertThat(box.getDomProperty("value")).isEqualTo(name);
		}

		/** Signs in with the demo password on the login page and waits for the signed-in menu. */
		public void signIn(String username) {
			get("/login");
			visible(By.id("username")).sendKeys(username);
			driver.findElement(By.id("password")).sendKeys("gonghui-demo");
			driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
			await().until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		}

		public String currentPath() {
			String url = driver.getCurrentUrl();
			return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
		}

		public Dimension viewport() {
			@SuppressWarnings("unchecked")
			List<Number> size = (List<Number>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
			return new Dimension(size.get(0).intValue(), size.get(1).intValue());
		}

		/** How far the page is wider than the viewport (0 when nothing scrolls sideways). */
		public int horizontalOverflow() {
			return ((Number) driver.executeScript(
					"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"))
				.intValue();
		}

		/** Moves what the browser console printed since the last call into {@link #console()}, and returns it. */
		public List<String> drainConsole() {
			var fresh = new ArrayList<String>();
			for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
				fresh.add(entry.getLevel() + " " + entry.getMessage());
			}
			console.addAll(fresh);
			return fresh;
		}

		/** Everything the browser console printed so far. */
		public List<String> console() {
			drainConsole();
			return List.copyOf(console);
		}

		/** Console lines reporting a Content-Security-Policy violation (blocked inline script/style, foreign source). */
		public List<String> cspViolations() {
			return console().stream().filter(BrowserTestSupport::isCspViolation).toList();
		}

		/** Saves a PNG of the viewport to {@code target/screenshots/<name>.png}. */
		public Path screenshot(String name) {
			try {
				Files.createDirectories(SCREENSHOTS);
				Path target = SCREENSHOTS.resolve(name + ".png");
				Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
				return target;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void close() {
			try {
				driver.quit();
			}
			finally {
				deleteQuietly(profile);
			}
		}
	}

	static boolean isCspViolation(String line) {
		String l = line.toLowerCase(Locale.ROOT);
		return l.contains("content security policy") || l.contains("content-security-policy");
	}
}
