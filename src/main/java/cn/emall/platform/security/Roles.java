package cn.emall.platform.security;

/** The roles of API.md. */
public final class Roles {
    public static final String SUPPLIER = "SUPPLIER";
    public static final String OFFICER = "OFFICER";
    public static final String ORDER_SYSTEM = "ORDER_SYSTEM";

    private Roles() {
    }
}
