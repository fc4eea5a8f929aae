package org.gonghui.honor;

/** {@link CampaignContract} on the embedded H2 database. */
class CampaignH2Tests extends CampaignContract {
}
