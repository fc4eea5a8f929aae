package org.gonghui.honor;

/** {@link HonoreePhotoRaceContract} on the embedded H2 database. */
class HonoreePhotoRaceH2Tests extends HonoreePhotoRaceContract {
}
