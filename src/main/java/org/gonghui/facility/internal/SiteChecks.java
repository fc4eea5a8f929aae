package org.gonghui.facility.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.GeoPoint;
import org.gonghui.organization.OrganizationSummary;
import org.gonghui.organization.Organizations;
import org.gonghui.shared.InvalidInputException;
import org.gonghui.shared.InvalidInputException.FieldProblem;
import org.gonghui.shared.Text;
import org.gonghui.shared.TextChecks;
import org.springframework.stereotype.Component;

/**
 * The input rules of a site's details (owner, name, address, location, hours, contact …), apart from its
 * status, which {@link SiteService} checks as a move. Kept apart so a new field or limit changes one class.
 */
@Component
class SiteChecks {

	static final int MAX_NAME = 100;
	static final int MAX_ADDRESS = 200;
	static final int MAX_CONTACT_NAME = 50;
	static final int MAX_CONTACT_PHONE = 30;
	static final int MAX_DESCRIPTION = 2000;
	static final int MAX_CAPACITY = 100_000;

	private static final Pattern CONTACT_PHONE = Pattern.compile("[+0-9][0-9 ()\\-转]{4,29}");

	private final SiteRepository sites;
	private final Organizations organizations;

	SiteChecks(SiteRepository sites, Organizations organizations) {
		this.sites = sites;
		this.organizations = organizations;
	}

	/**
	 * Validates everything but the status; collects all problems at once so the form shows them together.
	 * {@code siteId} is the site being edited (null for a new one); {@code scoped} looks the owner up in the
	 * caller's scope (false only for start-up data, which has no caller).
	 */
	Checked check(SiteService.SiteCommand c, Long siteId, List<FieldProblem> problems, boolean scoped) {
		OrganizationSummary organization = null;
		if (c.organizationId() == null) {
			problems.add(new FieldProblem("organizationId", "validation.required"));
		}
		else {
			organization = (scoped ? organizations.findVisible(c.organizationId()) : organizations.find(c.organizationId())).orElse(null);
			if (organization == null) {
				problems.add(new FieldProblem("organizationId", "site.organization.notFound"));
			}
		}
		if (c.type() == null) {
			problems.add(new FieldProblem("type", "validation.required"));
		}
		String name = required(checkLine(c.name(), "name", MAX_NAME, problems), "name", problems);
		if (name != null && organization != null && name.length() <= MAX_NAME && sites.nameTaken(organization.id(), name, siteId)) {
			problems.add(new FieldProblem("name", "site.name.taken"));
		}
		String address = required(checkLine(c.address(), "address", MAX_ADDRESS, problems), "address", problems);
		GeoPoint location = null;
		try {
			location = Coordinates.toWgs84(c.lat(), c.lon(), c.crs());
		}
		catch (InvalidInputException e) {
			problems.addAll(e.problems());
		}
		OpeningHours hours = null;
		if (Text.clean(c.openingHours()) == null) {
			problems.add(new FieldProblem("openingHours", "validation.required"));
		}
		else {
			try {
				hours = OpeningHours.parse(c.openingHours());
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		if (c.capacity() != null && (c.capacity() < 0 || c.capacity() > MAX_CAPACITY)) {
			problems.add(new FieldProblem("capacity", "site.capacity.range", MAX_CAPACITY));
		}
		String contactName = checkLine(c.contactName(), "contactName", MAX_CONTACT_NAME, problems);
		String contactPhone = checkLine(c.contactPhone() == null ? null : Text.toHalfWidth(c.contactPhone()), "contactPhone", MAX_CONTACT_PHONE,
				problems);
		if (contactPhone != null && contactPhone.length() <= MAX_CONTACT_PHONE && !CONTACT_PHONE.matcher(contactPhone).matches()) {
			problems.add(new FieldProblem("contactPhone", "site.contactPhone.invalid"));
		}
		String description = checkText(c.description(), "description", MAX_DESCRIPTION, problems);
		long amenities = 0;
		if (c.amenities() != null) {
			if (c.amenities().stream().anyMatch(java.util.Objects::isNull)) {
				problems.add(new FieldProblem("amenities", "validation.typeMismatch"));
			}
			else {
				amenities = Amenity.maskOf(c.amenities());
			}
		}
		return new Checked(organization, name, address, location, hours, amenities, contactName, contactPhone, description);
	}

	/** The details as they will be stored; the parts are null where {@link #check} found a problem. */
	record Checked(OrganizationSummary organization, String name, String address, GeoPoint location, OpeningHours hours, long amenities,
			String contactName, String contactPhone, String description) {
	}

	/** A name as it will be stored (white space cleaned), to look it up before storing. */
	static String cleanName(String name) {
		return Text.clean(name);
	}

	static String checkLine(String text, String field, int max, List<FieldProblem> problems) {
		return TextChecks.line(text, field, max, problems);
	}

	static String checkText(String text, String field, int max, List<FieldProblem> problems) {
		return TextChecks.text(text, field, max, problems);
	}

	private static String required(String value, String field, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		return value;
	}
}
