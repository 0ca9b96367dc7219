package cn.emall.account;

/** The roles a staff account can be created with. */
public enum StaffRole { OFFICER, ORDER_SYSTEM }
