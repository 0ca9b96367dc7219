package cn.emall.platform.error;

import cn.emall.text.Msg;

/** Problems for plain HTTP failures (unknown path, wrong method, body too large...). */
public final class HttpProblems {

    private HttpProblems() {
    }

    public static ProblemException forStatus(int status) {
        return switch (status) {
            case 400 -> of(400, "malformed-request", Msg.MALFORMED_TITLE, Msg.MALFORMED_DETAIL);
            case 401 -> of(401, "unauthorized", Msg.UNAUTHORIZED_TITLE, Msg.UNAUTHORIZED_DETAIL);
            case 403 -> of(403, "forbidden", Msg.FORBIDDEN_TITLE, Msg.FORBIDDEN_DETAIL);
            case 404 -> of(404, "not-found", Msg.NOT_FOUND_TITLE, Msg.NO_SUCH_RESOURCE);
            case 405 -> of(405, "method-not-allowed", Msg.METHOD_NOT_ALLOWED_TITLE, Msg.METHOD_NOT_ALLOWED_DETAIL);
            case 406 -> of(406, "not-acceptable", Msg.NOT_ACCEPTABLE_TITLE, Msg.NOT_ACCEPTABLE_DETAIL);
            case 413 -> of(413, "too-large", Msg.TOO_LARGE_TITLE, Msg.TOO_LARGE_BODY);
            case 414, 431 -> of(status, "too-large", Msg.TOO_LARGE_TITLE, Msg.TOO_LARGE_HEAD);
            case 415 -> of(415, "unsupported-media-type", Msg.UNSUPPORTED_MEDIA_TYPE_TITLE, Msg.UNSUPPORTED_MEDIA_TYPE_DETAIL);
            case 503 -> of(503, "unavailable", Msg.UNAVAILABLE_TITLE, Msg.UNAVAILABLE_DETAIL);
            default -> status >= 500
                    ? of(status, "internal-error", Msg.INTERNAL_ERROR_TITLE, Msg.INTERNAL_ERROR_DETAIL)
                    : new ProblemException(status, "http-" + status, Msg.REQUEST_REFUSED_TITLE,
                            Msg.REQUEST_REFUSED_DETAIL.with(status));
        };
    }

    private static ProblemException of(int status, String kind, Msg title, Msg detail) {
        return new ProblemException(status, kind, title, detail.with());
    }
}
