package cn.emall.platform.error;

/** Problems for plain HTTP failures (unknown path, wrong method, body too large...). */
final class HttpProblems {

    private HttpProblems() {
    }

    static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> of(400, "malformed-request", "Malformed request", "The request could not be read.");
            case 401 -> of(401, "unauthorized", "Unauthorized", "A valid bearer token is required (POST /api/v1/auth/token).");
            case 403 -> of(403, "forbidden", "Forbidden", "Your role may not do this.");
            case 404 -> of(404, "not-found", "Not found", "No such resource.");
            case 405 -> of(405, "method-not-allowed", "Method not allowed", "This path does not take that method.");
            case 406 -> of(406, "not-acceptable", "Not acceptable", "This resource answers application/json (or a listed download type).");
            case 413 -> of(413, "too-large", "Request too large", "The request body is larger than the service accepts.");
            case 414, 431 -> of(status, "too-large", "Request too large", "The request line or headers are too large.");
            case 415 -> of(415, "unsupported-media-type", "Unsupported media type", "Send application/json (or text/csv where an import says so).");
            case 503 -> of(503, "unavailable", "Service unavailable", "Try again shortly.");
            default -> status >= 500
                    ? of(status, "internal-error", "Internal error", "The service failed unexpectedly.")
                    : of(status, "http-" + status, "Request refused", "The request was refused (HTTP " + status + ").");
        };
    }

    private static Problem of(int status, String kind, String title, String detail) {
        return new ProblemException(status, kind, title, detail).toProblem();
    }
}
