// Instance page: follows the journal stream while the instance runs or waits, appends entries as
// they become durable (each once: the stream starts at the store's head read before the page was
// rendered, and entries the page already shows are dropped by sequence), keeps the status badge
// current and reloads the page when the status changes (its error, bookmarks or outputs change).
// Everything it needs is in data attributes of #journal, so the markup drives it.
"use strict";

// Deferred like dashboard.js but earlier in the page: run once every script (Lifecycle) is there.
document.addEventListener("DOMContentLoaded", () => {
  const journal = document.getElementById("journal");
  const body = document.getElementById("journal-entries");
  if (!journal || !body) return;

  const instanceId = journal.dataset.instance;
  const paths = JSON.parse(document.getElementById("activity-paths")?.textContent || "{}");
  const open = new Map(); // activity id -> start times (ms) of its steps not ended yet
  let last = 0; // the highest sequence shown or seen

  /** Matches a step's end with its start, as the server does (StepDurations); returns ms or null. */
  function track(activity, event, time) {
    if (event === "Started") {
      if (!open.has(activity)) open.set(activity, []);
      open.get(activity).push(time);
      return null;
    }
    if (event === "Completed" || event === "Faulted" || event === "Interrupted") {
      const starts = open.get(activity);
      return starts && starts.length ? time - starts.pop() : null;
    }
    return null;
  }

  for (const row of body.rows) {
    last = Math.max(last, Number(row.dataset.sequence));
    track(row.dataset.activity, row.dataset.event, Date.parse(row.dataset.time));
  }

  if (journal.dataset.live !== "true") return;

  const append = journal.dataset.append === "true";
  const renderedStatus = journal.dataset.instanceStatus;
  const renderedBookmarks = journal.dataset.bookmarks || "";
  const indicatorElement = document.getElementById("live-indicator");
  const indicate = Lifecycle.liveIndicator(indicatorElement);
  let source = null;
  let statusTimer = 0;
  let catchingUp = 0;

  function pad(n, width) { return String(n).padStart(width || 2, "0"); }

  function clock(ms) {
    const d = new Date(ms);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  }

  /** The same wording as StepDurations.Format on the server. */
  function duration(ms) {
    const s = Math.max(0, ms) / 1000;
    if (s < 1) return `${Math.floor(ms)} ms`;
    if (s < 60) return `${s.toFixed(1)} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min ${pad(Math.floor(s % 60))} s`;
    if (s < 86400) return `${Math.floor(s / 3600)} h ${pad(Math.floor(s % 3600 / 60))} min`;
    return `${Math.floor(s / 86400)} d ${Math.floor(s % 86400 / 3600)} h`;
  }

  function cell(parent, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    parent.appendChild(td);
    return td;
  }

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A row as JournalRow.razor renders it. */
  function row(entry) {
    const time = Date.parse(entry.timestamp);
    const ancestors = paths[entry.activityId] || (entry.activityId.indexOf(":") > 0 ? [entry.activityId.slice(0, entry.activityId.indexOf(":"))] : []);
    const tr = document.createElement("tr");
    tr.dataset.sequence = entry.sequence;
    tr.dataset.activity = entry.activityId;
    tr.dataset.event = entry.event;
    tr.dataset.time = entry.timestamp;
    tr.style.setProperty("--depth", ancestors.length);
    tr.className = "fresh";
    cell(tr, "num").textContent = entry.sequence;
    const when = element("time", "", clock(time));
    when.dateTime = entry.timestamp;
    cell(tr).appendChild(when);
    const step = cell(tr, "step");
    const crumbs = step.appendChild(element("span", "crumbs"));
    for (const ancestor of ancestors) crumbs.appendChild(element("span", "crumb", ancestor));
    step.appendChild(element("code", "activity", entry.activityId));
    cell(tr).textContent = entry.activityType;
    cell(tr).appendChild(element("span", `event ${entry.event}`, entry.event));
    const took = track(entry.activityId, entry.event, time);
    cell(tr, "num duration").textContent = took === null ? "" : duration(took);
    const detail = cell(tr, "detail");
    if (entry.message != null) detail.appendChild(element("span", "message", entry.message));
    if (entry.data != null) {
      const details = detail.appendChild(element("details"));
      const keys = typeof entry.data === "object" && !Array.isArray(entry.data) ? Object.keys(entry.data) : [];
      details.appendChild(element("summary", "", keys.length ? keys.join(", ") : "data"));
      details.appendChild(element("pre", "", JSON.stringify(entry.data, null, 2)));
    }
    return tr;
  }

  function onEntry(entry) {
    // The stream is asked for this instance only; checked again so a wider stream could serve too.
    if (entry.instanceId !== instanceId || entry.sequence <= last) return;
    last = entry.sequence;
    if (append) {
      document.getElementById("journal-empty")?.remove();
      body.appendChild(row(entry));
    } else {
      track(entry.activityId, entry.event, Date.parse(entry.timestamp));
    }
    checkStatusSoon();
  }

  function setBadge(status) {
    const badge = document.querySelector("#instance-status .badge");
    if (!badge) return;
    badge.textContent = status;
    badge.className = `badge ${status}`;
    journal.dataset.instanceStatus = status;
  }

  /** Reads the instance's status once the entries of a burst have arrived; a changed status reloads the page. */
  function checkStatusSoon() {
    clearTimeout(statusTimer);
    statusTimer = setTimeout(async () => {
      try {
        const details = await Lifecycle.api("GET", journal.dataset.statusUrl);
        const status = details.instance.status;
        setBadge(status);
        // What it waits for changed (an event sent from this page resumed it and it waits again): the forms are stale.
        const bookmarks = (details.bookmarks || []).map(b => `${b.event}@${b.activityId}`).join("|");
        if (status === renderedStatus && bookmarks === renderedBookmarks) return;
        // The entries that brought the change may still be on their way in the stream: show them
        // first (for up to two seconds), then stop and reload.
        if (last < details.journalLength && catchingUp < 8) {
          catchingUp++;
          checkStatusSoon();
          return;
        }
        catchingUp = 0;
        if (status !== "Running" && status !== "Suspended") stop(`ended: ${status}`);
        if (status !== "Running") setTimeout(() => location.reload(), 800);
      } catch (error) {
        if (error.status === 404) stop("deleted");
      }
    }, 250);
  }

  function stop(why) {
    if (source) source.close();
    source = null;
    indicate(false);
    const label = indicatorElement?.querySelector("[data-label]");
    if (label) label.textContent = why;
    journal.dataset.live = "false";
  }

  source = Lifecycle.follow(journal.dataset.stream, { entry: onEntry }, on => {
    if (!source) return;
    indicate(on);
    // On every (re)connection: the instance may have ended while no stream was open.
    if (on) checkStatusSoon();
  });
  window.addEventListener("pagehide", () => source && source.close());
});
