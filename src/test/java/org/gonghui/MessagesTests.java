package org.gonghui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The Chinese and English bundles stay in step, and every literal key a template or class uses exists. */
class MessagesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
	private static final Pattern JAVA_KEY = Pattern.compile("\"((?:validation|organization|employer|account|common|nav|error|member|join|site|activity|photo|caravan|certificate|competition|sheet|picker|honor|calendar|care|workplan|metric|aid|news|search)\\.[\\w.]+)\"");
	private static final Pattern AUDIT_ACTION = Pattern.compile("record\\(\"([\\w.]+)\"");

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		Properties zh = load("messages_zh_CN.properties");
		Properties en = load("messages.properties");
		assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
		zh.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
	}

	/** A key defined twice silently takes the later text: one module's label overwrites another's. */
	@Test
	void noKeyIsDefinedTwice() throws IOException {
		for (String bundle : new String[] { "messages_zh_CN.properties", "messages.properties" }) {
			java.util.Map<String, Long> counts = Files.readAllLines(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8).stream()
				.filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
				.map(line -> line.substring(0, line.indexOf('=')).strip())
				.collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
			assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey)).as(bundle).isEmpty();
		}
	}

	@Test
	void chineseBundleIsChinese() throws IOException {
		Properties zh = load("messages_zh_CN.properties");
		assertThat(zh.getProperty("login.heading")).contains("登录");
		assertThat(zh.getProperty("organization.browse.title")).isEqualTo("工会组织");
	}

	@Test
	void keysUsedInTemplatesExist() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> used = collect(Path.of("src/main/resources/templates"), ".html", TEMPLATE_KEY);
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}

	@Test
	void messageCodesUsedInCodeExist() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> used = collect(Path.of("src/main/java"), ".java", JAVA_KEY);
		// Audit action names share the dotted style but are not messages.
		used.removeAll(collect(Path.of("src/main/java"), ".java", AUDIT_ACTION));
		used.removeIf(k -> k.endsWith(".csv"));
		// A literal ending in a dot is the prefix of keys completed at run time (checked below).
		used.removeIf(k -> k.endsWith("."));
		assertThat(keys).containsAll(used);
	}

	@Test
	void everyNavigationItemHasATileText() throws IOException {
		// The home page shows each item as a tile with the text of its label key plus ".hint".
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> labels = collect(Path.of("src/main/java"), ".java", Pattern.compile("new NavigationItem\\(\"([\\w.]+)\""));
		assertThat(labels).isNotEmpty();
		labels.forEach(label -> assertThat(keys).as(label).contains(label, label + ".hint"));
	}

	@Test
	void everyIdNumberProblemHasAMessage() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		for (var problem : org.gonghui.shared.IdNumber.Problem.values()) {
			assertThat(keys).contains("member.idNumber." + problem.name());
		}
	}

	private static Set<String> collect(Path root, String suffix, Pattern pattern) throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
				Matcher m = pattern.matcher(Files.readString(file));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		return used;
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}
}
