package cn.emall.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The roles a staff account can be created with. */
@Schema(description = "The role of a staff account: OFFICER (the e-mall's officers) or ORDER_SYSTEM (records the sales)")
public enum StaffRole { OFFICER, ORDER_SYSTEM }
