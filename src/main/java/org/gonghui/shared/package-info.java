/**
 * Value types used by every module (organisation paths, credit codes, paging, error types).
 * Holds no Spring beans with business logic.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		displayName = "Shared value types")
package org.gonghui.shared;
