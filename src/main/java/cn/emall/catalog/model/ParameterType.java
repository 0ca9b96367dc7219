package cn.emall.catalog.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The type of a parameter in a category's standard parameter template (标准商品参数体系),
 * which decides what JSON value a listing may give for it.
 */
@Schema(description = "What a listing gives for the parameter: TEXT a non-blank string, NUMBER a finite number, ENUM one of "
        + "the allowed values, BOOLEAN true or false")
public enum ParameterType {

    /** Free text: a non-blank JSON string. */
    TEXT,

    /** A finite JSON number, optionally with a unit and bounds. */
    NUMBER,

    /** A JSON string that must be one of the parameter's allowed values. */
    ENUM,

    /** A JSON boolean. */
    BOOLEAN
}
