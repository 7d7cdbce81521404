// Follows a job's progress through server-sent events. Browsers without EventSource (old IE) reload the
// page every few seconds instead; without script the page refreshes itself (noscript).
(function () {
  var job = document.getElementById("job");
  if (!job) return;
  if (!window.EventSource) {
    setTimeout(function () { window.location.reload(); }, 3000);
    return;
  }
  var source = new EventSource(job.getAttribute("data-events"));
  source.onmessage = function (event) {
    var status = JSON.parse(event.data);
    document.getElementById("stage").textContent = status.stage;
    var bar = document.getElementById("bar");
    if (status.total > 0) { bar.max = status.total; bar.value = status.done; }
    document.getElementById("count").textContent = status.total > 0 ? status.done + " / " + status.total : "";
    if (status.finished) { source.close(); window.location.href = status.next; }
  };
})();
