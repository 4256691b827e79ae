// The current session's time, live: the timebox's minutes left count down from its end (the
// server's clock gave data-ends-at), and reminders the server fires arrive through the session
// stream (sessions.js hands each recorded event on as a "session-event" DOM event), keyed so none
// shows twice.
"use strict";

(() => {
  const panel = document.getElementById("timing");
  const root = document.getElementById("current-session");
  if (!panel || !root) return;

  const endsAt = panel.dataset.endsAt ? Date.parse(panel.dataset.endsAt) : NaN;
  function countDown() {
    if (Number.isNaN(endsAt)) return;
    const left = Math.ceil((endsAt - Date.now()) / 60000);
    const el = document.getElementById("timebox-left");
    if (el) el.textContent = left > 0 ? `${left} min left` : `over by ${-left} min`;
  }
  countDown();
  setInterval(countDown, 30000);

  root.addEventListener("session-event", e => {
    const recorded = e.detail;
    if (!recorded || recorded.type !== "reminder" || !recorded.data) return;
    const list = document.getElementById("reminders");
    const key = String(recorded.data.key ?? recorded.sequence);
    if (!list || [...list.children].some(li => li.dataset.reminder === key)) return;
    const item = document.createElement("li");
    item.dataset.reminder = key;
    item.dataset.kind = recorded.data.kind ?? "";
    const badge = document.createElement("span");
    badge.className = "badge warn";
    badge.textContent = String(recorded.data.kind ?? "reminder").replace("_", " ");
    item.append(badge, ` ${recorded.data.message ?? ""}`);
    list.prepend(item);
    const none = document.getElementById("no-reminders");
    if (none) none.hidden = true;
    Lifecycle.toast(`Reminder: ${recorded.data.message ?? recorded.data.kind}`);
  });
})();
