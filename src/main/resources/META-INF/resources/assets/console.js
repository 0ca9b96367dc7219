// The officers' console: htmx requests that change state carry the session's CSRF token, as forms do in their _csrf field.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.body.dataset.csrf;
  if (token && event.detail.verb !== "get") {
    event.detail.headers["X-CSRF-Token"] = token;
  }
});

// A file chosen in an input with data-fill (the calendar's JSON) is read into the textarea it names, to be checked and sent with the form.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!input.dataset || !input.dataset.fill || !input.files || !input.files[0]) {
    return;
  }
  input.files[0].text().then(function (text) {
    document.getElementById(input.dataset.fill).value = text;
  });
});
