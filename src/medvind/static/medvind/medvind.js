// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to an error summary so that screen readers and keyboard users land on it.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) {
    // A form sent again after following a link in the summary keeps that link's #field in the
    // address; the browser would then move focus to the field instead of the new summary.
    if (window.location.hash) history.replaceState(history.state, "", window.location.pathname + window.location.search);
    summary.focus();
  }
});
