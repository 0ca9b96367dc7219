package cn.emall.platform.openapi;

/**
 * Money in the OpenAPI document: yuan as a decimal string ("4999.00"), never a binary float, as the
 * service answers it. {@code format: number} on a string is how client generators (openapi-generator)
 * know to read it as a decimal (BigDecimal in Java).
 */
public final class MoneySchema {

    public static final String FORMAT = "number";

    /** Answers carry two decimals always: the database keeps money as numeric(..., 2). */
    public static final String ANSWER = "^-?\\d{1,16}\\.\\d{2}$";

    /** A price or unit price in a request: up to 12 digits before the point and 2 after; above 0. */
    public static final String PRICE = "^\\d{1,12}(\\.\\d{1,2})?$";

    /** An amount in a request: up to 14 digits before the point and 2 after; negative for a return. */
    public static final String AMOUNT = "^-?\\d{1,14}(\\.\\d{1,2})?$";

    /** Said of every money field of a request. */
    public static final String REQUEST_NOTE = " A JSON number with the same digits is accepted too.";

    private MoneySchema() {
    }
}
