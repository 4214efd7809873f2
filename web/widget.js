/*
 * Career bot chat widget: talks to Rasa's socket.io channel.
 * - Every piece of text is inserted as a text node (never as HTML), so nothing a user or the bot
 *   sends can inject markup; line breaks become <br>, and http(s) URLs become links.
 * - The session id is issued and signed by the server (session_confirm) and kept in localStorage
 *   with the conversation, so a reload continues the same conversation; the widget never makes
 *   one up, and the server ignores one it did not sign.
 */
(function () {
  "use strict";
  var config = window.CAREERBOT || {};
  var SESSION_KEY = "careerbot.session";
  var HISTORY_KEY = "careerbot.history";
  var MAX_HISTORY = 200;
  var URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function loadHistory() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY)) || []; } catch (e) { return []; }
  }

  function saveHistory(history) {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history.slice(-MAX_HISTORY)));
  }


  /* Text with line breaks and links, built from text nodes only. */
  function richText(container, text) {
    String(text).split("\n").forEach(function (line, i) {
      if (i > 0) container.appendChild(document.createElement("br"));
      line.split(URL_PATTERN).forEach(function (part, j) {
        if (j % 2 === 1) {
          var link = el("a", null, part);
          link.href = part;
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          container.appendChild(link);
        } else if (part) {
          container.appendChild(document.createTextNode(part));
        }
      });
    });
  }

  var launcher = el("button", "cb-launcher", "Chat");
  launcher.setAttribute("aria-label", "Chat with the careers assistant");
  var panel = el("section", "cb-panel");
  panel.setAttribute("aria-label", "Careers assistant chat");
  var header = el("div", "cb-header", "Careers assistant");
  var log = el("div", "cb-log");
  log.setAttribute("role", "log");
  var status = el("div", "cb-status", "Connecting…");
  var form = el("form", "cb-form");
  var input = el("input");
  input.placeholder = "Ask about a career or course…";
  input.setAttribute("aria-label", "Your message");
  input.maxLength = 2000;
  var send = el("button", null, "Send");
  send.type = "submit";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(status);
  panel.appendChild(form);
  document.body.appendChild(panel);
  document.body.appendChild(launcher);

  var history = loadHistory();

  function clearButtons() {
    Array.prototype.forEach.call(log.querySelectorAll(".cb-buttons"), function (node) { node.remove(); });
  }

  /* Figures side by side (a comparison of careers): a table of text cells. */
  function showTable(table) {
    var wrap = el("div", "cb-msg cb-bot cb-table-wrap");
    var node = el("table", "cb-table");
    var head = el("tr");
    (table.columns || []).forEach(function (c) { head.appendChild(el("th", null, String(c))); });
    node.appendChild(head);
    (table.rows || []).forEach(function (r) {
      var row = el("tr");
      r.forEach(function (c) { row.appendChild(el("td", null, String(c))); });
      node.appendChild(row);
    });
    wrap.appendChild(node);
    log.appendChild(wrap);
    log.scrollTop = log.scrollHeight;
  }

  function show(entry) {
    if (entry.table) return showTable(entry.table);
    var bubble = el("div", "cb-msg " + (entry.from === "user" ? "cb-user" : "cb-bot"));
    if (entry.from === "user") bubble.textContent = entry.text;
    else richText(bubble, entry.text);
    log.appendChild(bubble);
    if (entry.buttons && entry.buttons.length) {
      var row = el("div", "cb-buttons");
      entry.buttons.forEach(function (b) {
        var button = el("button", null, b.title);
        button.type = "button";
        button.addEventListener("click", function () { sendMessage(b.payload, b.title); });
        row.appendChild(button);
      });
      log.appendChild(row);
    }
    log.scrollTop = log.scrollHeight;
  }

  function remember(entry) {
    history.push(entry);
    saveHistory(history);
    show(entry);
  }

  history.forEach(show);
  if (history.length && history[history.length - 1].from === "user") clearButtons();
  if (localStorage.getItem("careerbot.open") === "1") panel.classList.add("cb-open");

  launcher.addEventListener("click", function () {
    panel.classList.toggle("cb-open");
    localStorage.setItem("careerbot.open", panel.classList.contains("cb-open") ? "1" : "0");
    if (panel.classList.contains("cb-open")) input.focus();
  });

  var socket = io(config.socketUrl || (location.protocol + "//" + location.hostname + ":5005"), {
    path: config.socketPath || "/socket.io",
  });

  socket.on("connect", function () {
    socket.emit("session_request", { session_id: localStorage.getItem(SESSION_KEY) });
  });
  socket.on("session_confirm", function (data) {
    if (typeof data === "string" && data) localStorage.setItem(SESSION_KEY, data);
    status.textContent = "";
  });
  socket.on("disconnect", function () { status.textContent = "Reconnecting…"; });
  socket.on("connect_error", function () { status.textContent = "The assistant is unavailable right now."; });

  socket.on("bot_uttered", function (message) {
    var buttons = (message.quick_replies || message.buttons || []).map(function (b) {
      return { title: b.title, payload: b.payload };
    });
    if (message.text || buttons.length) remember({ from: "bot", text: message.text || "", buttons: buttons });
    if (message.table) remember({ from: "bot", table: message.table });
  });

  function sendMessage(payload, shown) {
    var text = String(shown).trim();
    if (!text) return;
    clearButtons();
    remember({ from: "user", text: text });
    socket.emit("user_uttered", { message: payload });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    input.value = "";
    if (text) sendMessage(text, text);
  });
})();
