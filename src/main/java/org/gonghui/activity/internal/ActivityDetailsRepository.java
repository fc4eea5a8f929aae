package org.gonghui.activity.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what surrounds an activity: co-organisers, experts, and the employers or members of its audience. */
@Repository
class ActivityDetailsRepository {

	private final JdbcClient jdbc;

	ActivityDetailsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record CoOrganizer(Long organizationId, String name) {
	}

	record Expert(String name, String affiliation) {
	}

	record AudienceEmployer(long id, String name) {
	}

	void replaceCoOrganizers(long activityId, List<CoOrganizer> coOrganizers) {
		jdbc.sql("delete from activity_co_organizer where activity_id = :a").param("a", activityId).update();
		for (int i = 0; i < coOrganizers.size(); i++) {
			CoOrganizer c = coOrganizers.get(i);
			jdbc.sql("insert into activity_co_organizer (activity_id, position, organization_id, name) values (:a, :p, :org, :name)")
				.param("a", activityId)
				.param("p", i)
				.param("org", c.organizationId(), java.sql.Types.BIGINT)
				.param("name", c.name())
				.update();
		}
	}

	List<CoOrganizer> coOrganizers(long activityId) {
		return jdbc.sql("select organization_id, name from activity_co_organizer where activity_id = :a order by position")
			.param("a", activityId)
			.query((rs, n) -> new CoOrganizer((Long) rs.getObject("organization_id", Long.class), rs.getString("name")))
			.list();
	}

	void replaceExperts(long activityId, List<Expert> experts) {
		jdbc.sql("delete from activity_expert where activity_id = :a").param("a", activityId).update();
		for (int i = 0; i < experts.size(); i++) {
			Expert e = experts.get(i);
			jdbc.sql("insert into activity_expert (activity_id, position, name, affiliation) values (:a, :p, :name, :affiliation)")
				.param("a", activityId)
				.param("p", i)
				.param("name", e.name())
				.param("affiliation", e.affiliation(), java.sql.Types.VARCHAR)
				.update();
		}
	}

	List<Expert> experts(long activityId) {
		return jdbc.sql("select name, affiliation from activity_expert where activity_id = :a order by position")
			.param("a", activityId)
			.query((rs, n) -> new Expert(rs.getString("name"), rs.getString("affiliation")))
			.list();
	}

	void addAudienceEmployers(long activityId, Collection<Long> employerIds) {
		for (long employer : employerIds) {
			jdbc.sql("insert into activity_audience_employer (activity_id, employer_id) values (:a, :e)").param("a", activityId).param("e", employer).update();
		}
	}

	List<AudienceEmployer> audienceEmployers(long activityId) {
		return jdbc.sql("select e.id, e.name from activity_audience_employer a join employer e on e.id = a.employer_id"
				+ " where a.activity_id = :a order by e.name, e.id")
			.param("a", activityId)
			.query((rs, n) -> new AudienceEmployer(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	void addAudienceMembers(long activityId, Collection<Long> memberIds) {
		for (long member : memberIds) {
			jdbc.sql("insert into activity_audience_member (activity_id, member_id) values (:a, :m)").param("a", activityId).param("m", member).update();
		}
	}

	long audienceMemberCount(long activityId) {
		return jdbc.sql("select count(*) from activity_audience_member where activity_id = :a").param("a", activityId).query(Long.class).single();
	}

	/** Whether the member (working for {@code employerId}, may be null) is named by the activity's employer or member list. */
	boolean listed(long activityId, long memberId, Long employerId) {
		return jdbc.sql("select count(*) from activity_audience_member where activity_id = :a and member_id = :m").param("a", activityId)
			.param("m", memberId).query(Long.class).single() > 0
				|| employerId != null && jdbc.sql("select count(*) from activity_audience_employer where activity_id = :a and employer_id = :e")
					.param("a", activityId).param("e", employerId).query(Long.class).single() > 0;
	}
}
