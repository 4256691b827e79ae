// Lifecycle dashboard: the few things a server-rendered page cannot do alone. Changes go through
// the HTTP API with the dashboard's cookie (same origin); errors come back as Problem Details and
// are shown where the user acted. Plain JavaScript, no framework, nothing fetched from elsewhere.
"use strict";

const Lifecycle = (() => {
  /** Calls the API; resolves with the parsed body, rejects with an Error whose message is the problem's detail. */
  async function api(method, url, body) {
    const init = { method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = typeof body === "string" ? body : JSON.stringify(body);
    }
    const response = await fetch(url, init);
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
    if (!response.ok) {
      const message = parsed && (parsed.detail || parsed.title) || `${response.status} ${response.statusText}`;
      const error = new Error(message);
      error.status = response.status;
      error.problem = parsed;
      throw error;
    }
    return parsed;
  }

  let toastTimer = 0;
  /** Says something in the page's live region (read out by screen readers). */
  function toast(message, bad) {
    const box = document.getElementById("toast");
    if (!box) return;
    box.textContent = message;
    box.className = bad ? "toast bad" : "toast";
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, bad ? 9000 : 4000);
  }

  /** A form's fields as JSON: numbers for number inputs, booleans for checkboxes, JSON for fields marked data-json, empty fields left out. */
  function formBody(form) {
    const body = {};
    for (const field of form.elements) {
      if (!field.name || field.disabled) continue;
      if (field.type === "checkbox") { body[field.name] = field.checked; continue; }
      const value = field.value.trim();
      if (value === "") continue;
      if (field.type === "number") body[field.name] = Number(value);
      else if (field.dataset.json !== undefined) body[field.name] = JSON.parse(value);
      else body[field.name] = value;
    }
    return body;
  }

  let pending = 0;
  let leaving = false;

  /** Runs a data-api action ("METHOD URL") from a form or button, then reloads, goes to data-then, or says data-done. */
  async function act(element, body) {
    pending++;
    const [method, url] = element.dataset.api.split(" ");
    const status = element.querySelector("[data-status]") || document.getElementById(element.dataset.statusId || "");
    const buttons = element.tagName === "FORM" ? element.querySelectorAll("button") : [element];
    buttons.forEach(b => b.disabled = true);
    try {
      const result = await api(method, url, body);
      if (element.dataset.then) {
        const target = element.dataset.then.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(result && result[name] || ""));
        // Leaving: live updates that arrive before the next page loads must not reload this one instead.
        leaving = true;
        location.assign(target);
        return;
      }
      toast(element.dataset.done || "Done.");
      if (element.tagName === "FORM" && element.dataset.reset !== "false") element.reset();
      if (element.dataset.reload !== "false") setTimeout(() => location.reload(), 400);
    } catch (error) {
      if (status) { status.textContent = error.message; status.className = "error-box"; status.hidden = false; }
      toast(error.message, true);
    } finally {
      pending--;
      buttons.forEach(b => b.disabled = false);
    }
  }

  document.addEventListener("submit", event => {
    const form = event.target.closest("form[data-api]");
    if (!form) return;
    event.preventDefault();
    let body;
    try { body = formBody(form); } catch (error) { toast(`Not valid JSON: ${error.message}`, true); return; }
    if (form.dataset.confirm && !confirm(form.dataset.confirm)) return;
    act(form, body);
  });

  document.addEventListener("click", event => {
    const button = event.target.closest("button[data-api]");
    if (!button || button.form && button.form.dataset.api) return;
    if (button.dataset.confirm && !confirm(button.dataset.confirm)) return;
    act(button, button.dataset.body ? JSON.parse(button.dataset.body) : undefined);
  });

  /**
   * Follows a server-sent-events stream; the browser reconnects by itself and sends Last-Event-ID,
   * so nothing is missed across a dropped connection. onState(true|false) drives a live indicator.
   */
  function follow(url, handlers, onState) {
    const source = new EventSource(url, { withCredentials: true });
    source.onopen = () => onState && onState(true);
    source.onerror = () => onState && onState(false);
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, event => handler(JSON.parse(event.data), event));
    }
    return source;
  }

  /** Sets a live indicator element (a .live-dot inside it and its text). */
  function liveIndicator(element) {
    return on => {
      if (!element) return;
      element.querySelector(".live-dot")?.classList.toggle("on", on);
      const label = element.querySelector("[data-label]");
      if (label) label.textContent = on ? "live" : "reconnecting…";
    };
  }

  /** True while an action of this page waits for its answer: live updates must not reload the page under it. */
  const busy = () => pending > 0 || leaving;

  return { api, toast, follow, liveIndicator, formBody, busy };
})();
