package org.gonghui.activity;

/**
 * Who may register: every member; members of the organiser's subtree (the default); members working for
 * named employers (the seed's visit that gathers couriers of 京东快递 and staff of 良苑餐厅); or a named list
 * of members (a class of trainees).
 */
public enum Audience {
	ALL_MEMBERS, ORGANIZATION_SUBTREE, EMPLOYERS, NAMED_LIST
}
