// An app's page stays current: its numbers every few seconds, its output as it comes.
(() => {
  const page = document.querySelector("main[data-status]");
  const logs = document.getElementById("app-logs");
  const text = (id, value) => { document.getElementById(id).textContent = value; };
  const KEEP = 200_000; // characters of output the page holds
  // The page's words, in its language (data-* of main), with English when a page lacks one.
  const words = (name, english) => page.dataset[name] || english;

  async function refresh() {
    try {
      const answer = await fetch(page.dataset.status, { headers: { Accept: "application/json" } });
      if (!answer.ok) return;
      const app = await answer.json();
      const state = document.getElementById("app-state");
      state.textContent = words("state" + app.state.charAt(0).toUpperCase() + app.state.slice(1), app.state);
      state.className = "state " + app.state;
      text("app-why", app.why);
      text("app-requests", String(app.requests));
      text("app-last-request", app.lastRequest ? new Date(app.lastRequest).toLocaleTimeString() : words("noneYet", "none yet"));
      text("app-memory", app.state === "running"
        ? words("memory", "{0} MB of {1} MB").replace("{0}", app.memoryMegabytes).replace("{1}", app.memoryLimitMegabytes)
        : words("notRunning", "none (not running)"));
    } catch (offline) {
      text("app-why", words("offline", "The box does not answer; the figures are from before."));
    }
  }

  let first = true;
  const stream = new EventSource(page.dataset.logs);
  stream.addEventListener("lines", (event) => {
    if (first) { logs.textContent = ""; first = false; } // the stream starts with the last lines again
    // A chunk is whole lines, each ending in a newline (an event's data keeps them).
    logs.textContent = (logs.textContent + event.data).slice(-KEEP);
    logs.scrollTop = logs.scrollHeight;
  });
  stream.onerror = () => { first = true; text("logs-live", words("reconnecting", "(reconnecting)")); };
  stream.onopen = () => text("logs-live", words("live", "(live)"));

  refresh();
  setInterval(refresh, 3000);
})();
