// The workflow editor (/workflows/{id}/edit, /workflows/new): a textarea with line numbers, Tab
// for indentation, validation as you type through POST /api/workflows/validate (each problem as
// "PATH: message"; clicking one puts the caret where that path is), and completion of property
// names and values from schemas/workflow.schema.json (served as an asset).
//
// Plain JavaScript on purpose: a code-editor package from npm (CodeMirror, Monaco) would bring a
// build step, a lock file and hundreds of kilobytes to ship inside the executable, for what a
// textarea plus about 400 lines does here. What makes the editor useful is specific to us anyway:
// the JSON paths our validator reports, and our schema's shapes (activities chosen by "type").
// The pure functions (tokenize, parse, pathToOffset, contextAt, suggest) are on window.LifecycleEditor
// so that browser tests can call them directly.
"use strict";

window.LifecycleEditor = (() => {
  // ---- A tolerant JSON tokenizer and parser (comments allowed, as the server's reader allows) ----

  /** The tokens of a JSON text: { t: "{" "}" "[" "]" ":" "," "string" "word", start, end, value, closed }. */
  function tokenize(text) {
    const tokens = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") { i++; continue; }
      if (c === "/" && text[i + 1] === "/") { const end = text.indexOf("\n", i); i = end < 0 ? n : end; continue; }
      if (c === "/" && text[i + 1] === "*") { const end = text.indexOf("*/", i + 2); i = end < 0 ? n : end + 2; continue; }
      if ("{}[]:,".includes(c)) { tokens.push({ t: c, start: i, end: i + 1 }); i++; continue; }
      if (c === "\"") {
        let j = i + 1;
        let closed = false;
        while (j < n) {
          const d = text[j];
          if (d === "\\") { j += 2; continue; }
          if (d === "\"") { closed = true; j++; break; }
          if (d === "\n") break;
          j++;
        }
        j = Math.min(j, n);
        const raw = text.slice(i, j);
        let value;
        if (closed) { try { value = JSON.parse(raw); } catch { value = raw.slice(1, -1); } } else value = raw.slice(1);
        tokens.push({ t: "string", start: i, end: j, value, closed });
        i = j;
        continue;
      }
      let j = i;
      while (j < n && !/[\s{}\[\]:,"]/.test(text[j]) && !(text[j] === "/" && (text[j + 1] === "/" || text[j + 1] === "*"))) j++;
      if (j === i) j = i + 1;
      tokens.push({ t: "word", start: i, end: j, value: text.slice(i, j) });
      i = j;
    }
    return tokens;
  }

  /**
   * A tree of the text that survives errors: { kind: "object", props: [{ key, keyStart, keyEnd, value }] },
   * { kind: "array", items }, { kind: "value", value }, each with start and end offsets. What cannot be
   * read is skipped; an unclosed object or array ends at the end of the text.
   */
  function parse(text) {
    const tokens = tokenize(text);
    let p = 0;
    function value() {
      const tok = tokens[p];
      if (!tok) return null;
      if (tok.t === "{") {
        p++;
        const node = { kind: "object", start: tok.start, end: text.length, props: [] };
        while (p < tokens.length) {
          const k = tokens[p];
          if (k.t === "}") { node.end = k.end; p++; return node; }
          if (k.t === "]") return node;
          if (k.t === "," || k.t === ":") { p++; continue; }
          if (k.t === "string") {
            p++;
            const prop = { key: k.value, keyStart: k.start, keyEnd: k.end, value: null };
            node.props.push(prop);
            if (tokens[p] && tokens[p].t === ":") { p++; prop.value = value(); }
            continue;
          }
          value(); // a value where a key should be: skip it whole
        }
        return node;
      }
      if (tok.t === "[") {
        p++;
        const node = { kind: "array", start: tok.start, end: text.length, items: [] };
        while (p < tokens.length) {
          const k = tokens[p];
          if (k.t === "]") { node.end = k.end; p++; return node; }
          if (k.t === "}") return node;
          if (k.t === "," || k.t === ":") { p++; continue; }
          node.items.push(value());
        }
        return node;
      }
      if (tok.t === "string" || tok.t === "word") {
        p++;
        let v = tok.value;
        if (tok.t === "word") { try { v = JSON.parse(tok.value); } catch { v = tok.value; } }
        return { kind: "value", start: tok.start, end: tok.end, value: v };
      }
      return null;
    }
    return value();
  }

  /** The steps of a JSONPath as the validator writes it: $.a.b[2]['odd key'] gives ["a", "b", 2, "odd key"]. */
  function pathSteps(path) {
    const steps = [];
    const pattern = /\.([^.\[\]]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g;
    let match;
    const rest = path.startsWith("$") ? path.slice(1) : path;
    while ((match = pattern.exec(rest)) !== null) {
      if (match[1] !== undefined) steps.push(match[1]);
      else if (match[2] !== undefined) steps.push(match[2].replace(/\\(.)/g, "$1"));
      else steps.push(Number(match[3]));
    }
    return steps;
  }

  function property(node, key) {
    if (!node || node.kind !== "object") return undefined;
    for (let i = node.props.length - 1; i >= 0; i--) if (node.props[i].key === key) return node.props[i];
    return undefined;
  }

  /**
   * Where a JSONPath is in the text: { start, end, exact }. A property spans its key to the end of its
   * value; an array item, the item. A path that goes past what exists (a missing property) gives the
   * deepest part that does, with exact false.
   */
  function pathToRange(text, path) {
    const root = parse(text);
    if (!root) return { start: 0, end: 0, exact: false };
    let node = root;
    let range = { start: root.start, end: root.end, exact: true };
    for (const step of pathSteps(path)) {
      if (typeof step === "number" && node && node.kind === "array" && node.items[step]) {
        node = node.items[step];
        range = { start: node.start, end: node.end, exact: true };
      } else if (typeof step === "string" && property(node, step)) {
        const prop = property(node, step);
        node = prop.value;
        range = { start: prop.keyStart, end: node ? node.end : prop.keyEnd, exact: true };
      } else {
        return { start: range.start, end: range.start, exact: false };
      }
    }
    return range;
  }

  /** The offset of a JSONPath in the text (see pathToRange): where the caret goes for a problem at that path. */
  function pathToOffset(text, path) { return pathToRange(text, path).start; }

  /** The offset of a line and column, both counted from 1 (as "Invalid JSON at line L, column C" says). */
  function lineColumnToOffset(text, line, column) {
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf("\n", offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    const end = text.indexOf("\n", offset);
    return Math.min(offset + Math.max(0, column - 1), end < 0 ? text.length : end);
  }

  /**
   * What the caret is in, for completion: { position: "key" | "value" | "none", steps (the path of the
   * object or array holding the caret), key (for a value in an object), index (for an item), token
   * (the string or word under the caret, to replace), prefix (its text before the caret) }.
   */
  function contextAt(text, offset) {
    const stack = [];
    let token = null;
    for (const tok of tokenize(text)) {
      if (tok.start >= offset) break;
      const inside = offset < tok.end || (offset === tok.end && (tok.t === "word" || (tok.t === "string" && !tok.closed)));
      if (inside && (tok.t === "string" || tok.t === "word")) { token = tok; break; }
      const top = stack[stack.length - 1];
      switch (tok.t) {
        case "{": if (top) top.expect = "comma"; stack.push({ kind: "object", expect: "key", key: null }); break;
        case "[": if (top) top.expect = "comma"; stack.push({ kind: "array", expect: "value", index: 0 }); break;
        case "}": case "]": stack.pop(); break;
        case ":": if (top) top.expect = "value"; break;
        case ",":
          if (top && top.kind === "object") { top.expect = "key"; top.key = null; }
          if (top && top.kind === "array") { top.expect = "value"; top.index++; }
          break;
        default:
          if (top && top.kind === "object" && top.expect === "key" && tok.t === "string") { top.key = tok.value; top.expect = "colon"; }
          else if (top) top.expect = "comma";
      }
    }
    const top = stack[stack.length - 1];
    const steps = [];
    for (let i = 0; i < stack.length - 1; i++) steps.push(stack[i].kind === "object" ? stack[i].key : stack[i].index);
    const prefix = token ? text.slice(token.start + (token.t === "string" ? 1 : 0), offset) : "";
    if (!top) return { position: "none", steps, token, prefix };
    if (top.kind === "object" && top.expect === "key" && (!token || token.t === "string")) return { position: "key", steps, token, prefix };
    if (top.kind === "object" && top.expect === "value") return { position: "value", steps, key: top.key, token, prefix };
    if (top.kind === "array" && top.expect === "value") return { position: "value", steps, index: top.index, token, prefix };
    return { position: "none", steps, token, prefix };
  }

  // ---- Completion from the JSON Schema ----

  function deref(schema, root) {
    if (!schema || !schema.$ref || !schema.$ref.startsWith("#/")) return schema;
    return schema.$ref.slice(2).split("/").reduce((s, part) => s && s[part.replace(/~1/g, "/").replace(/~0/g, "~")], root);
  }

  function discriminator(branch, root) {
    const s = deref(branch, root);
    return s && s.properties && s.properties.type && s.properties.type.const;
  }

  /**
   * The schemas that apply to a node: $ref followed, oneOf/anyOf branches taken (an activity's or a
   * trigger's branch chosen by the node's "type"; none of them while it has no type, so that the
   * suggestions are "type" first rather than every input of every activity).
   */
  function applicable(schema, node, root) {
    const found = [];
    (function visit(s, depth) {
      s = deref(s, root);
      if (!s || typeof s !== "object" || depth > 16 || found.includes(s)) return;
      found.push(s);
      const branches = [...(s.oneOf || []), ...(s.anyOf || [])];
      if (!branches.length) return;
      const typed = branches.filter(b => discriminator(b, root) !== undefined);
      if (typed.length) {
        const typeProp = property(node, "type");
        const type = typeProp && typeProp.value && typeProp.value.value;
        typed.filter(b => discriminator(b, root) === type).forEach(b => visit(b, depth + 1));
        branches.filter(b => discriminator(b, root) === undefined).forEach(b => visit(b, depth + 1));
      } else {
        branches.forEach(b => visit(b, depth + 1));
      }
    })(schema, 0);
    return found;
  }

  function childSchemas(schemas, step, root) {
    const out = [];
    for (const s of schemas) {
      if (typeof step === "number") { if (s.items && typeof s.items === "object") out.push(s.items); continue; }
      if (s.properties && s.properties[step]) out.push(s.properties[step]);
      else if (s.additionalProperties && typeof s.additionalProperties === "object") out.push(s.additionalProperties);
    }
    return out.map(s => deref(s, root));
  }

  function childNode(node, step) {
    if (!node) return undefined;
    if (typeof step === "number") return node.kind === "array" ? node.items[step] : undefined;
    const prop = property(node, step);
    return prop ? prop.value : undefined;
  }

  /** The schemas and the tree node at a path (each step narrowing by the nodes' "type"). */
  function schemasAt(text, steps, schema) {
    let node = parse(text);
    let schemas = applicable(schema, node, schema);
    for (const step of steps) {
      const next = childNode(node, step);
      schemas = childSchemas(schemas, step, schema).flatMap(s => applicable(s, next, schema));
      node = next;
    }
    return { schemas, node };
  }

  /**
   * The suggestions at the caret: { context, items: [{ label, insert, detail }] }. In a key position,
   * the properties the schema allows there that the object does not have yet; in a value position,
   * the enum and const values (and true/false for booleans).
   */
  function suggest(text, offset, schema) {
    const context = contextAt(text, offset);
    const items = [];
    const seen = new Set();
    const add = (label, insert, detail) => {
      if (seen.has(label) || !label.toLowerCase().startsWith(context.prefix.replace(/"$/, "").toLowerCase())) return;
      seen.add(label);
      items.push({ label, insert, detail: detail || "" });
    };
    if (!schema || context.position === "none") return { context, items };
    if (context.position === "key") {
      const { schemas, node } = schemasAt(text, context.steps, schema);
      const present = new Set(node && node.kind === "object" ? node.props.map(p => p.key) : []);
      if (context.token) present.delete(context.token.value);
      for (const s of schemas) {
        for (const [name, definition] of Object.entries(s.properties || {})) {
          if (!present.has(name)) add(name, name, (deref(definition, schema) || {}).description || definition.description);
        }
      }
    } else {
      const steps = context.steps.concat([context.key !== undefined ? context.key : context.index]);
      const { schemas } = schemasAt(text, steps, schema);
      for (const s of schemas) {
        for (const v of s.enum || []) add(String(v), JSON.stringify(v), s.description);
        if (s.const !== undefined) add(String(s.const), JSON.stringify(s.const), s.description);
        if (s.type === "boolean") { add("true", "true"); add("false", "false"); }
      }
    }
    return { context, items };
  }

  return { tokenize, parse, pathSteps, pathToRange, pathToOffset, lineColumnToOffset, contextAt, suggest };
})();

// ---- The page: only where the editor is (after every deferred script, dashboard.js's Lifecycle included) ----
document.addEventListener("DOMContentLoaded", () => {
  const area = document.getElementById("editor-text");
  if (!area) return;
  const E = window.LifecycleEditor;
  const lines = document.getElementById("editor-lines");
  const list = document.getElementById("problems");
  const validity = document.getElementById("validity");
  const status = document.getElementById("editor-status");
  const popup = document.getElementById("completion");
  const fixedId = area.dataset.workflowId || null;
  let schema = null;
  let releaseTab = false;
  let timer = 0;
  let sequence = 0;

  fetch(area.dataset.schema, { credentials: "same-origin" }).then(r => r.ok ? r.json() : null).then(s => { schema = s; }).catch(() => { });

  let numbered = 0;
  function renumber() {
    const count = area.value.split("\n").length;
    if (numbered !== count) { numbered = count; lines.textContent = Array.from({ length: count }, (_, i) => i + 1).join("\n"); }
    lines.scrollTop = area.scrollTop;
  }

  function say(message, bad) {
    status.textContent = message;
    status.className = bad ? "bad" : "";
  }

  /** The workflow id the buttons act on: the page's, or (for a new workflow) the document's own "id". */
  function workflowId() {
    if (fixedId) return fixedId;
    const root = E.parse(area.value);
    const id = root && root.kind === "object" && root.props.filter(p => p.key === "id").pop();
    return id && id.value && typeof id.value.value === "string" && id.value.value ? id.value.value : null;
  }

  // ---- Problems ----

  function showProblems(errors) {
    list.replaceChildren();
    validity.textContent = errors.length === 0 ? "Valid: no problem found." : `${errors.length} problem${errors.length === 1 ? "" : "s"}:`;
    validity.className = errors.length === 0 ? "ok" : "bad";
    errors.forEach((error, i) => {
      const item = document.createElement("li");
      item.className = "problem";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.id = `problem-${i}`;
      button.dataset.path = error.path;
      button.textContent = `${error.path}: ${error.message}`;
      button.addEventListener("click", () => goTo(error));
      item.append(button);
      list.append(item);
    });
  }

  /** Puts the caret on a problem: its line and column when the message gives them (bad JSON), else its path. */
  function goTo(error) {
    const text = area.value;
    const at = /line (\d+), column (\d+)/.exec(error.message);
    const range = at ? { start: E.lineColumnToOffset(text, +at[1], +at[2]), end: E.lineColumnToOffset(text, +at[1], +at[2]) } : E.pathToRange(text, error.path);
    area.focus();
    area.setSelectionRange(range.start, range.end === range.start ? range.start : Math.min(range.end, text.indexOf("\n", range.start) < 0 ? range.end : text.indexOf("\n", range.start)));
    const line = text.slice(0, range.start).split("\n").length;
    const height = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (line - 4) * height);
    renumber();
  }

  async function validate() {
    const mine = ++sequence;
    validity.textContent = "Checking…";
    validity.className = "";
    try {
      const query = fixedId ? `?id=${encodeURIComponent(fixedId)}` : "";
      const report = await Lifecycle.api("POST", `/api/workflows/validate${query}`, area.value);
      if (mine === sequence) showProblems(report.errors);
    } catch (error) {
      if (mine === sequence) { validity.textContent = `Could not check: ${error.message}`; validity.className = "bad"; }
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(validate, 400);
  }

  // ---- Saving and publishing ----

  /** True when a workflow (the protocol's own, published, or a draft) already has this id. */
  async function exists(id) {
    if ((area.dataset.taken || "").split(" ").includes(id)) return true;
    for (const url of [`/api/workflows/${encodeURIComponent(id)}`, `/api/workflows/${encodeURIComponent(id)}/draft`]) {
      try { await Lifecycle.api("GET", url); return true; } catch (error) { if (error.status !== 404) throw error; }
    }
    return false;
  }

  async function save() {
    const id = workflowId();
    if (!id) { say("Give the workflow an \"id\" (a string) before saving.", true); return null; }
    // A new workflow must not replace one that exists (session-end, say) by reusing its id.
    if (!fixedId) {
      try {
        if (await exists(id)) {
          say(`A workflow with id "${id}" exists already: give this one another id, or edit that one (/workflows/${id}/edit).`, true);
          return null;
        }
      } catch (error) { say(`Not saved: ${error.message}`, true); return null; }
    }
    try {
      const saved = await Lifecycle.api("PUT", `/api/workflows/${encodeURIComponent(id)}`, area.value);
      say(`Draft saved (${saved.file}).`);
      Lifecycle.toast(`Draft of ${id} saved.`);
      return id;
    } catch (error) {
      if (error.problem && Array.isArray(error.problem.errors)) showProblems(error.problem.errors);
      say(`Not saved: ${error.message}`, true);
      return null;
    }
  }

  async function saveDraft() {
    const id = await save();
    if (id && !fixedId) location.assign(`/workflows/${encodeURIComponent(id)}/edit`);
  }

  async function publish() {
    const id = await save();
    if (!id) return;
    try {
      const published = await Lifecycle.api("POST", `/api/workflows/${encodeURIComponent(id)}/publish`);
      Lifecycle.toast(published.created ? `Published ${id} v${published.version}.` : `Nothing changed: v${published.version} stays in force.`);
      location.assign(`/workflows/${encodeURIComponent(id)}`);
    } catch (error) {
      if (error.problem && Array.isArray(error.problem.errors)) showProblems(error.problem.errors);
      say(`Not published: ${error.message}`, true);
    }
  }

  // ---- Completion popup ----

  let choices = [];
  let active = 0;
  let current = null;

  function closePopup() {
    popup.hidden = true;
    popup.replaceChildren();
    area.removeAttribute("aria-activedescendant");
    choices = [];
  }

  function caretPoint(offset) {
    const mirror = document.createElement("div");
    const style = getComputedStyle(area);
    for (const p of ["fontFamily", "fontSize", "lineHeight", "paddingTop", "paddingLeft", "borderTopWidth", "borderLeftWidth", "tabSize", "letterSpacing"]) mirror.style[p] = style[p];
    Object.assign(mirror.style, { position: "absolute", visibility: "hidden", whiteSpace: "pre", top: "0", left: "0" });
    mirror.textContent = area.value.slice(0, offset);
    const mark = document.createElement("span");
    mark.textContent = "\u200b";
    mirror.append(mark);
    area.parentElement.append(mirror);
    const point = { left: mark.offsetLeft - area.scrollLeft + area.offsetLeft, top: mark.offsetTop + mark.offsetHeight - area.scrollTop + area.offsetTop };
    mirror.remove();
    return point;
  }

  function openPopup() {
    if (!schema) { say("Suggestions are not loaded yet.", true); return; }
    const offset = area.selectionStart;
    const { context, items } = E.suggest(area.value, offset, schema);
    if (items.length === 0) { closePopup(); return; }
    current = { context, offset };
    choices = items.slice(0, 200);
    active = 0;
    popup.replaceChildren(...choices.map((item, i) => {
      const li = document.createElement("li");
      li.id = `completion-${i}`;
      li.setAttribute("role", "option");
      li.dataset.value = item.label;
      const label = document.createElement("span");
      label.textContent = item.label;
      li.append(label);
      if (item.detail) { const small = document.createElement("small"); small.textContent = item.detail; li.append(small); }
      li.addEventListener("mousedown", event => { event.preventDefault(); accept(i); });
      return li;
    }));
    const point = caretPoint(offset);
    popup.style.left = `${Math.max(0, point.left)}px`;
    popup.style.top = `${point.top + 2}px`;
    popup.hidden = false;
    highlight(0);
  }

  function highlight(i) {
    active = (i + choices.length) % choices.length;
    [...popup.children].forEach((li, k) => li.setAttribute("aria-selected", String(k === active)));
    const li = popup.children[active];
    area.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({ block: "nearest" });
  }

  /** Inserts a choice: a key as "name": (the colon only when none follows), a value as JSON, replacing the string or word typed so far. */
  function accept(i) {
    const item = choices[i];
    const { context } = current;
    const text = area.value;
    const token = context.token;
    let start = area.selectionStart;
    let end = area.selectionEnd;
    // An unclosed string runs to the end of its line: replace only what is typed before the caret.
    if (token) { start = token.start; end = token.t === "string" && !token.closed ? Math.max(area.selectionStart, end) : Math.max(token.end, end); }
    let insert;
    if (context.position === "key") {
      const after = text.slice(end).match(/^\s*:/);
      insert = JSON.stringify(item.insert) + (after ? "" : ": ");
    } else {
      insert = item.insert;
    }
    area.setRangeText(insert, start, end, "end");
    closePopup();
    area.dispatchEvent(new Event("input"));
  }

  // ---- Keys ----

  area.addEventListener("keydown", event => {
    if (!popup.hidden) {
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); return; }
      if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); return; }
      if (event.key === "Enter" || event.key === "Tab") { event.preventDefault(); accept(active); return; }
      if (event.key === "Escape") { event.preventDefault(); closePopup(); return; }
    }
    if ((event.ctrlKey || event.metaKey) && event.key === " ") { event.preventDefault(); openPopup(); return; }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") { event.preventDefault(); saveDraft(); return; }
    if (event.key === "Escape") { releaseTab = true; say("Tab now leaves the editor."); return; }
    if (event.key === "Tab" && !releaseTab && !event.shiftKey) {
      event.preventDefault();
      area.setRangeText("  ", area.selectionStart, area.selectionEnd, "end");
      area.dispatchEvent(new Event("input"));
      return;
    }
    if (event.key !== "Tab" && event.key !== "Shift") releaseTab = false;
  });

  area.addEventListener("input", event => {
    renumber();
    schedule();
    if (event.inputType === "insertText" && event.data === "\"") {
      const context = E.contextAt(area.value, area.selectionStart);
      if (context.position === "key") openPopup();
      else closePopup();
    } else if (!popup.hidden) {
      openPopup(); // narrow the list to what is typed now
    }
  });

  area.addEventListener("scroll", () => { lines.scrollTop = area.scrollTop; });
  area.addEventListener("blur", () => setTimeout(closePopup, 150));
  document.getElementById("save-draft").addEventListener("click", saveDraft);
  document.getElementById("publish").addEventListener("click", publish);

  renumber();
  validate();
});
