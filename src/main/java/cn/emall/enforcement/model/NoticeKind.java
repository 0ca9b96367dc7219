package cn.emall.enforcement.model;

/** DELISTING (step 2, appealable), RECTIFICATION (step 3 or an officer's takedown), PROCESSING (issued by an officer). */
public enum NoticeKind { DELISTING, RECTIFICATION, PROCESSING }
