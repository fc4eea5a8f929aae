package org.gonghui.honor;

/** {@link SelectionCampaignContract} on the embedded H2 database. */
class SelectionCampaignH2Tests extends SelectionCampaignContract {
}
