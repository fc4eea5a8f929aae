package org.gonghui.platform;

/**
 * Data a module writes when the application starts (the first administrator, the demo profile's seed
 * stories). Every implementation runs once, in {@link org.springframework.core.annotation.Order} order,
 * before the web server takes its first request: a worker opening the site finder on a fresh start sees
 * the demo sites, not an empty index that fills a few seconds later. Implementations must be idempotent
 * (skip what is there), since they run on every start.
 */
public interface StartupData {

	void load();
}
