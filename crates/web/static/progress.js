// Progress of a protocol import, for browsers with JavaScript: polls the batch's
// status and reloads the page when every file has been read. Without JavaScript the
// page's own "Uppdatera" link does the same.
(function () {
  var box = document.getElementById("progress");
  if (!box || box.getAttribute("data-done") === "1") return;
  var batch = box.getAttribute("data-batch");
  var bar = document.getElementById("inlasning");
  var text = document.getElementById("progress-text");
  function poll() {
    fetch("/beslut/import/" + encodeURIComponent(batch) + "/status", { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        bar.value = s.read;
        bar.max = s.total;
        text.textContent = s.read + " av " + s.total + " filer lästa";
        if (s.done) { window.location.reload(); } else { setTimeout(poll, 700); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();
