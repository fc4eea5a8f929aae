package org.gonghui.facility.internal;

/** A site was written on this instance; after commit the nearest index takes its new state. */
record SiteChanged(Site site) {
}
