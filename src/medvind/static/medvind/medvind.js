// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Move focus to an error summary so that screen readers and keyboard users land on it.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
});
