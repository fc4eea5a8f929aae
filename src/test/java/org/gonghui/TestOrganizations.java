package org.gonghui;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up demo records by name, so tests never hard-code generated ids. */
public final class TestOrganizations {

	private TestOrganizations() {
	}

	public static long id(JdbcClient jdbc, String name) {
		return jdbc.sql("select id from organization where name = :name order by id").param("name", name).query(Long.class).list().get(0);
	}

	public static String path(JdbcClient jdbc, long id) {
		return jdbc.sql("select path from organization where id = :id").param("id", id).query(String.class).single();
	}

	public static long employerId(JdbcClient jdbc, String name) {
		return jdbc.sql("select id from employer where name = :name").param("name", name).query(Long.class).single();
	}

	public static long count(JdbcClient jdbc, String table) {
		// Table names come from the tests themselves, never from input.
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
