package org.gonghui.facility.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gonghui.facility.Amenity;
import org.gonghui.facility.Crs;
import org.gonghui.facility.SiteStatus;
import org.gonghui.facility.SiteType;
import org.gonghui.facility.internal.SiteQueries.SiteView;
import org.gonghui.facility.internal.SiteService.SiteCommand;
import org.springframework.format.annotation.DateTimeFormat;

/** The site form as the staff pages bind it. */
public class SiteForm {

	private Long organizationId;
	private SiteType type;
	private String name;
	private String address;
	private Double lat;
	private Double lon;
	private Crs crs = Crs.WGS84;
	private String openingHours;
	private List<Amenity> amenities = new ArrayList<>();
	private Integer capacity;
	private String contactName;
	private String contactPhone;
	private String description;
	private SiteStatus status = SiteStatus.PLANNED;
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate statusSince;
	private boolean publicSite = true;
	private int version;

	static SiteForm of(SiteView v) {
		var f = new SiteForm();
		f.organizationId = v.organizationId();
		f.type = v.type();
		f.name = v.name();
		f.address = v.address();
		f.lat = v.lat();
		f.lon = v.lon();
		f.openingHours = v.openingHours();
		f.amenities = new ArrayList<>(v.amenities());
		f.capacity = v.capacity();
		f.contactName = v.contactName();
		f.contactPhone = v.contactPhone();
		f.description = v.description();
		f.status = v.status();
		f.publicSite = v.isPublic();
		f.version = v.version();
		return f;
	}

	SiteCommand command() {
		return new SiteCommand(organizationId, type, name, address, lat, lon, crs, openingHours, amenities, capacity, contactName, contactPhone,
				description, status, statusSince, publicSite);
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public SiteType getType() {
		return type;
	}

	public void setType(SiteType type) {
		this.type = type;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public Double getLat() {
		return lat;
	}

	public void setLat(Double lat) {
		this.lat = lat;
	}

	public Double getLon() {
		return lon;
	}

	public void setLon(Double lon) {
		this.lon = lon;
	}

	public Crs getCrs() {
		return crs;
	}

	public void setCrs(Crs crs) {
		this.crs = crs;
	}

	public String getOpeningHours() {
		return openingHours;
	}

	public void setOpeningHours(String openingHours) {
		this.openingHours = openingHours;
	}

	public List<Amenity> getAmenities() {
		return amenities;
	}

	public void setAmenities(List<Amenity> amenities) {
		this.amenities = amenities == null ? new ArrayList<>() : amenities;
	}

	public Integer getCapacity() {
		return capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public SiteStatus getStatus() {
		return status;
	}

	public void setStatus(SiteStatus status) {
		this.status = status;
	}

	public LocalDate getStatusSince() {
		return statusSince;
	}

	public void setStatusSince(LocalDate statusSince) {
		this.statusSince = statusSince;
	}

	public boolean isPublicSite() {
		return publicSite;
	}

	public void setPublicSite(boolean publicSite) {
		this.publicSite = publicSite;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}
}
