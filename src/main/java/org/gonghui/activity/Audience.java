package org.gonghui.activity;

/**
 * Who may register: every member, or members of the organiser's subtree (the default). Named employers and
 * named lists come with the next step of the activities issue.
 */
public enum Audience {
	ALL_MEMBERS, ORGANIZATION_SUBTREE
}
