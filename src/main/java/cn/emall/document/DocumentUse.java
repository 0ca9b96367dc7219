package cn.emall.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What can use a document, and so make it readable by the supplier it belongs to. */
@Schema(name = "DocumentUseKind", description = "APPLICATION (a supplier's application), IMPORT (the go-live import that "
        + "admitted a supplier), APPEAL (an appeal against a delisting notice), NOTICE_RESPONSE (an answer to a processing "
        + "notice)")
public enum DocumentUse {
    APPLICATION, IMPORT, APPEAL, NOTICE_RESPONSE;

    /** Whether this use admits a supplier: a document may be named by one such use only. */
    boolean admits() {
        return this == APPLICATION || this == IMPORT;
    }
}
