package org.gonghui.platform;

import java.util.Set;

/**
 * A link in the main navigation. Each module declares its own as a bean, so only modules that exist
 * appear. {@code labelKey} is a message key; the item shows to accounts holding one of the roles.
 */
public record NavigationItem(String labelKey, String href, int order, Set<Role> roles) {
}
