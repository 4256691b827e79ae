// The current session page, live: follows /api/sessions/current/stream (server-sent events) and
// updates the state, counts, tasks and events as they change. A session that starts or ends
// changes the whole page, so the page reloads then. The browser reconnects by itself with the
// last event's id (Last-Event-ID), and rows are keyed by sequence, so none shows twice.
"use strict";

(() => {
  const root = document.getElementById("current-session");
  if (!root) return;

  const text = (id, value) => { const el = document.getElementById(id); if (el) el.textContent = value; };
  const badge = value => { const span = document.createElement("span"); span.className = `badge ${value}`; span.textContent = value; return span; };

  function renderTasks(tasks) {
    const body = document.getElementById("tasks");
    if (!body) return;
    body.replaceChildren(...tasks.map(task => {
      const row = document.createElement("tr");
      row.dataset.task = task.id;
      const cells = [task.id, task.title, String(task.priority ?? 3)].map(value => { const td = document.createElement("td"); td.textContent = value; return td; });
      if (task.assignee) { const who = document.createElement("span"); who.className = "muted"; who.dataset.testid = "task-assignee"; who.textContent = ` — for ${task.assignee}`; cells[1].append(who); }
      if (task.blockedReason) { const note = document.createElement("span"); note.className = "muted"; note.textContent = ` — blocked: ${task.blockedReason}`; cells[1].append(note); }
      cells[2].className = "num";
      const status = document.createElement("td"); status.append(badge(task.status));
      const actions = document.createElement("td");
      if (task.status !== "done") {
        const done = document.createElement("button");
        done.className = "secondary";
        done.dataset.api = `POST /api/sessions/current/tasks/${encodeURIComponent(task.id)}/done`;
        done.dataset.done = `Task ${task.id} done.`;
        done.dataset.reload = "false";
        done.setAttribute("aria-label", `Finish task ${task.id}`);
        done.textContent = "Done";
        actions.append(done);
      }
      row.append(...cells, status, actions);
      return row;
    }));
    const none = document.getElementById("no-tasks");
    if (none) none.hidden = tasks.length > 0;
  }

  const bump = id => { const el = document.getElementById(id); if (el) el.textContent = String(Number(el.textContent || 0) + 1); };

  function addEvent(recorded) {
    const body = document.getElementById("events");
    if (!body || body.querySelector(`tr[data-sequence="${recorded.sequence}"]`)) return;
    root.dispatchEvent(new CustomEvent("session-event", { detail: recorded }));
    if (recorded.type === "git_commit") bump("session-commits");
    if (recorded.type === "error_occurred") bump("session-errors");
    const row = document.createElement("tr");
    row.dataset.sequence = recorded.sequence;
    const time = document.createElement("td");
    time.textContent = new Date(recorded.timestamp).toLocaleTimeString([], { hour12: false });
    const type = document.createElement("td");
    type.textContent = recorded.type;
    const details = document.createElement("td");
    const code = document.createElement("code");
    const data = recorded.data ? JSON.stringify(recorded.data) : "";
    code.textContent = data.length > 160 ? `${data.slice(0, 159)}…` : data;
    details.append(code);
    row.append(time, type, details);
    row.classList.add("fresh");
    body.prepend(row);
  }

  const wasActive = root.dataset.active === "true";
  const shownSession = root.dataset.session || null;
  const after = root.dataset.after ? `?after=${encodeURIComponent(root.dataset.after)}` : "";
  Lifecycle.follow(root.dataset.stream + after, {
    session: snapshot => {
      const active = snapshot.sessionId !== null && snapshot.state !== "DORMANT";
      if (active !== wasActive || (active && snapshot.sessionId !== shownSession)) {
        // The page's own start or end answers with where to go; someone else's changes the page now.
        if (!Lifecycle.busy()) location.reload();
        return;
      }
      if (!active) return;
      const state = document.getElementById("session-state");
      if (state) state.replaceChildren(badge(snapshot.state));
      text("session-branch", snapshot.branch ?? "(detached)");
      // Commits and errors are counted from the events as they arrive (addEvent); the files
      // changed need a git status, which the page shows as it was when it loaded.
      renderTasks(snapshot.tasks || []);
    },
    event: addEvent,
  }, Lifecycle.liveIndicator(document.getElementById("live")));
})();
