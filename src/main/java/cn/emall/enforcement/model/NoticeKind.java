package cn.emall.enforcement.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** DELISTING (step 2, appealable), RECTIFICATION (step 3 or an officer's takedown), PROCESSING (issued by an officer). */
@Schema(description = "DELISTING (zero sales for two years, appealable), RECTIFICATION (a listing taken down), PROCESSING "
        + "(issued by an officer)")
public enum NoticeKind { DELISTING, RECTIFICATION, PROCESSING }
