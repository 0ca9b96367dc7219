// The officers' console: htmx requests that change state carry the session's CSRF token, as forms do in their _csrf field.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.body.dataset.csrf;
  if (token && event.detail.verb !== "get") {
    event.detail.headers["X-CSRF-Token"] = token;
  }
});
