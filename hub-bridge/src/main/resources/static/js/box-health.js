// The Box health page's charts (uPlot): the last day's samples, one chart a figure.
(() => {
  const charts = document.getElementById("charts");
  if (!charts || typeof uPlot === "undefined") return;
  const names = {};
  document.querySelectorAll("#part-names li").forEach(li => { names[li.dataset.part] = li.textContent; });
  const COLOURS = ["#175cd3", "#b42318", "#067647", "#b54708", "#6941c6", "#0e7090", "#c11574", "#475467", "#4e5ba6", "#93370d"];
  const MIB = 1024 * 1024;

  // Series of one kind ("memory.", "cpu."), parts in the table's order, as uPlot's columns.
  function byPart(samples, prefix, scale) {
    const parts = Object.keys(samples.series).filter(s => s.startsWith(prefix)).map(s => s.slice(prefix.length))
      .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    return { labels: parts.map(p => names[p] || p),
             columns: parts.map(p => samples.series[prefix + p].map(v => v == null ? null : v * scale)) };
  }
  function order(part) {
    const known = Object.keys(names).indexOf(part);
    return known < 0 ? 99 : known;
  }

  function draw(id, times, labels, columns, unit) {
    const target = document.querySelector("#chart-" + id + " .plot");
    if (!target) return;
    const width = Math.max(280, target.clientWidth || charts.clientWidth || 640);
    const series = [{}].concat(labels.map((label, i) => ({
      label, stroke: COLOURS[i % COLOURS.length], width: 1.5, spanGaps: false, points: { show: id === "spawn" ? true : undefined },
      value: (u, v) => v == null ? "-" : v.toFixed(unit === "s" || unit === "cores" ? 2 : 0) + " " + unit })));
    new uPlot({ width, height: 200, series, axes: [{}, { label: unit, size: 60 }], scales: { y: { range: (u, min, max) => [0, Math.max(max, 1)] } } },
      [times].concat(columns), target);
  }

  fetch(charts.dataset.samples, { headers: { Accept: "application/json" } })
    .then(answer => answer.ok ? answer.json() : null)
    .then(samples => {
      if (!samples || samples.times.length === 0) return;
      const times = samples.times;
      const series = name => samples.series[name] || times.map(() => null);
      draw("running", times, [charts.dataset.sandboxes], [series("sandboxes.running")], "");
      const memory = byPart(samples, "memory.", 1 / MIB);
      draw("memory", times, memory.labels, memory.columns, "MiB");
      const cpu = byPart(samples, "cpu.", 1);
      draw("cpu", times, cpu.labels, cpu.columns, "cores");
      draw("code", times, [names.sandboxes || "sandboxes"], [series("cpu.sandboxes")], "cores");
      draw("spawn", times, [charts.dataset.spawn], [series("spawn.seconds")], "s");
    });
})();
