// The sandbox's web chat: shows one person's chat with the bot as a Telegram client would and
// sends what the person does. Every text from the bot is put into the page as text nodes,
// never as markup, so nothing a bot sends can run in the page.
"use strict";

const TIME_ZONE = "Asia/Almaty";
const page = {
  language: localStorage.getItem("sandbox-language") || (navigator.language.startsWith("ru") ? "ru" : "kk"),
  person: Number(localStorage.getItem("sandbox-person")) || 0,
  version: 0,
  labels: {},
  places: [],
  bot: "",
  clockOffsetMs: 0,
  state: null,
  /** What the chat shows now, to tell a change of this chat from one elsewhere. */
  view: null,
  seenAnswers: null,
  poll: null,
};

const $ = (selector) => document.querySelector(selector);
const t = (key) => page.labels[key] ?? key;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

async function post(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
}

// ---------------------------------------------------------------------------------------------
// Labels and language of the page

async function loadLabels() {
  const res = await fetch(`/api/labels?language=${page.language}`);
  const { labels, places, bot } = await res.json();
  page.labels = labels;
  page.places = places;
  page.bot = bot;
  document.documentElement.lang = page.language;
  document.title = t("sandbox-title");
  for (const node of document.querySelectorAll("[data-label]")) node.textContent = t(node.dataset.label);
  for (const node of document.querySelectorAll("[data-placeholder]")) node.placeholder = t(node.dataset.placeholder);
  for (const button of document.querySelectorAll("[data-language]")) {
    button.setAttribute("aria-pressed", String(button.dataset.language === page.language));
  }
  if (page.state) render(page.state);
}

// ---------------------------------------------------------------------------------------------
// Time, shown in Almaty's

const hoursAndMinutes = new Intl.DateTimeFormat("ru-RU", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function showClock() {
  const now = new Date(Date.now() + page.clockOffsetMs);
  $("#clock").textContent = `${page.state?.today ?? ""} ${hoursAndMinutes.format(now)}`;
  $("#clock").dateTime = now.toISOString();
}

// ---------------------------------------------------------------------------------------------
// Bot texts: text plus entities, as Telegram delivers them

const SAFE_LINK = /^(https?:|tg:|mailto:)/i;

function entityElement(entity, text) {
  switch (entity.type) {
    case "bold": return el("b");
    case "italic": return el("i");
    case "underline": return el("u");
    case "strikethrough": return el("s");
    case "code": return el("code");
    case "pre": return el("pre");
    case "blockquote":
    case "expandable_blockquote": return el("blockquote");
    case "spoiler": {
      const node = el("span", { class: "spoiler" });
      node.addEventListener("click", () => node.classList.add("shown"));
      return node;
    }
    case "text_link": return SAFE_LINK.test(entity.url) ? linkTo(entity.url) : el("span");
    case "url": return SAFE_LINK.test(text) ? linkTo(text) : el("span");
    case "bot_command": {
      const node = el("a", { href: "#" });
      node.addEventListener("click", (event) => {
        event.preventDefault();
        void send(text);
      });
      return node;
    }
    default: return el("span");
  }
}

/** Entities inside which text stays as it is: links, and code. */
const VERBATIM = new Set(["text_link", "url", "code", "pre", "bot_command"]);
const BARE_LINK = /https?:\/\/[^\s<>"]+[^\s<>".,:;!?)»]/g;

/** Plain text, with bare web addresses made links as a Telegram client does. */
function withLinks(text) {
  const nodes = [];
  let pos = 0;
  for (const match of text.matchAll(BARE_LINK)) {
    nodes.push(text.slice(pos, match.index), linkTo(match[0], match[0]));
    pos = match.index + match[0].length;
  }
  nodes.push(text.slice(pos));
  return nodes;
}

/** Nested entities become nested elements; one that overlaps its parent's end is cut there. */
function formatted(text, entities) {
  const sorted = [...(entities ?? [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const build = (from, to, list, verbatim) => {
    const fragment = document.createDocumentFragment();
    const plain = (part) => fragment.append(...(verbatim ? [part] : withLinks(part)));
    let pos = from;
    for (let i = 0; i < list.length; ) {
      const entity = list[i++];
      const start = Math.max(entity.offset, pos);
      const end = Math.min(entity.offset + entity.length, to);
      const inner = [];
      while (i < list.length && list[i].offset < end) inner.push(list[i++]);
      if (start > pos) plain(text.slice(pos, start));
      if (end <= start) continue;
      const node = entityElement(entity, text.slice(start, end));
      node.append(build(start, end, inner, verbatim || VERBATIM.has(entity.type)));
      fragment.append(node);
      pos = end;
    }
    if (pos < to) plain(text.slice(pos, to));
    return fragment;
  };
  return build(0, text.length, sorted, false);
}

// ---------------------------------------------------------------------------------------------
// Messages

function fileUrl(fileId) {
  return `/api/files/${encodeURIComponent(fileId)}`;
}

function messageBody(m) {
  const parts = [];
  if (m.photo) {
    const largest = m.photo[m.photo.length - 1].file_id;
    parts.push(el("img", { src: fileUrl(largest), alt: "" }));
    parts.push(el("button", { type: "button", class: "scan", onclick: () => scan(largest) }, t("sandbox-scan-qr")));
  }
  if (m.document) {
    parts.push(el("div", { class: "file" }, "📄 ",
      el("a", { href: fileUrl(m.document.file_id), download: m.document.file_name ?? "" }, m.document.file_name ?? t("sandbox-download"))));
  }
  if (m.venue) {
    const { latitude, longitude } = m.venue.location;
    parts.push(el("div", { class: "venue" }, el("b", {}, "📍 " + m.venue.title), el("span", {}, m.venue.address),
      el("small", {}, `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`)));
  } else if (m.location) {
    parts.push(el("div", { class: "location" }, "📍 ", el("small", {}, `${m.location.latitude.toFixed(5)}, ${m.location.longitude.toFixed(5)}`)));
  }
  if (m.contact) parts.push(el("div", {}, "📞 " + m.contact.phone_number));
  if (m.sticker) parts.push(el("div", {}, m.sticker.emoji ?? "🖼"));
  if (m.text !== undefined) parts.push(el("div", { class: "text" }, formatted(m.text, m.entities)));
  if (m.caption !== undefined) parts.push(el("div", { class: "text" }, formatted(m.caption, m.caption_entities)));
  return parts;
}

function inlineKeyboard(m) {
  const rows = m.reply_markup?.inline_keyboard;
  if (!rows) return null;
  return el("div", { class: "inline-keyboard" }, ...rows.map((row) => el("div", { class: "row" }, ...row.map((button) => {
    if (button.callback_data !== undefined) {
      return el("button", { type: "button", onclick: () => post("/api/press", { person: page.person, messageId: m.message_id, data: button.callback_data }) }, button.text);
    }
    if (button.url && SAFE_LINK.test(button.url)) return linkTo(button.url, button.text);
    return el("button", { type: "button", disabled: "" }, button.text);
  }))));
}

function messageView(m) {
  const time = hoursAndMinutes.format(new Date(m.date * 1000));
  const meta = el("span", { class: "meta" }, m.edit_date ? `${t("sandbox-edited")} ${time}` : time);
  const bubble = el("div", { class: `msg ${m.fromBot ? "bot" : "user"}`, "data-message-id": String(m.message_id) }, ...messageBody(m), meta);
  const keyboard = inlineKeyboard(m);
  return keyboard ? [bubble, keyboard] : [bubble];
}

function replyKeyboard(markup) {
  const box = $("#keyboard");
  box.replaceChildren();
  if (!markup?.keyboard) return;
  for (const row of markup.keyboard) {
    box.append(el("div", { class: "row" }, ...row.map((b) => {
      const button = typeof b === "string" ? { text: b } : b;
      return el("button", { type: "button", onclick: () => pressReplyButton(button) }, button.text);
    })));
  }
}

function pressReplyButton(button) {
  if (button.request_contact) return post("/api/contact", { person: page.person });
  if (button.request_location) return choosePlace();
  return send(button.text);
}

function choosePlace() {
  choose(t("sandbox-choose-place"), page.places.map((place, i) => ({
    text: "📍 " + t(place.label),
    pick: () => post("/api/location", { person: page.person, place: i }),
  })));
}

/** A dialog with one button per choice; picking one closes it. */
function choose(title, choices) {
  const dialog = $("#chooser");
  $("#chooser-title").textContent = title;
  $("#choices").replaceChildren(...choices.map((choice) => el("button", {
    type: "button",
    onclick: () => {
      dialog.close();
      void choice.pick();
    },
  }, choice.text)));
  dialog.showModal();
}

/**
 * A t.me link to this bot with a start payload, as invites and shared places use: in Telegram,
 * whoever opens it sends /start with the payload. Here the person who opens it is chosen.
 */
function deepLinkPayload(href) {
  const match = /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=([A-Za-z0-9_-]{1,64})$/.exec(href);
  return match && match[1].toLowerCase() === page.bot.toLowerCase() ? match[2] : null;
}

function linkTo(href, ...children) {
  const payload = deepLinkPayload(href);
  if (payload === null) return el("a", { href, target: "_blank", rel: "noopener noreferrer" }, ...children);
  return el("a", {
    href,
    onclick: (event) => {
      event.preventDefault();
      openLinkAs(payload);
    },
  }, ...children);
}

function openLinkAs(payload) {
  choose(t("sandbox-open-link-as"), page.state.people.map((p) => ({
    text: p.name,
    pick: () => post("/api/send", { person: p.id, text: `/start ${payload}` }),
  })));
}

/**
 * A phone's camera pointed at a photo: a QR code with a link to this bot opens it as the person
 * chosen, as scanning a card at a partner's counter does; any other text is shown as it is.
 */
async function scan(fileId) {
  const { text } = await post("/api/scan", { file: fileId });
  const payload = typeof text === "string" ? deepLinkPayload(text) : null;
  if (payload !== null) openLinkAs(payload);
  else toast(text ?? t("sandbox-no-qr"));
}

// ---------------------------------------------------------------------------------------------
// Callback answers (toasts and alerts)

function showAnswers(answers) {
  if (page.seenAnswers === null) {
    page.seenAnswers = new Set(answers.map((a) => a.id));
    return;
  }
  for (const answer of answers) {
    if (page.seenAnswers.has(answer.id)) continue;
    page.seenAnswers.add(answer.id);
    toast(answer.text, answer.alert);
  }
}

function toast(text, alert = false) {
  const node = el("div", { class: alert ? "toast alert" : "toast", role: alert ? "alertdialog" : "status" }, text);
  $("#toasts").append(node);
  if (alert) node.addEventListener("click", () => node.remove());
  else setTimeout(() => node.remove(), 3000);
}

// ---------------------------------------------------------------------------------------------
// People

function peopleTabs(people) {
  $("#people").replaceChildren(...people.map((p) => el("button", {
    type: "button",
    role: "tab",
    "aria-selected": String(p.id === page.person),
    "data-person": String(p.id),
    onclick: () => choosePerson(p.id),
  }, p.name, el("small", {}, `${t(`sandbox-role-${p.role}`)} · ${p.language}`))));
}

function choosePerson(id) {
  page.person = id;
  localStorage.setItem("sandbox-person", String(id));
  page.seenAnswers = null;
  page.version = 0;
  page.view = null;
  $("#chat").replaceChildren();
  page.poll?.abort();
}

// ---------------------------------------------------------------------------------------------
// The chat, kept up to date by long polling

function render(state) {
  peopleTabs(state.people);
  const chat = $("#chat");
  const follows = chat.childElementCount === 0 || chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
  chat.replaceChildren(...state.messages.flatMap(messageView));
  if (follows) {
    chat.scrollTop = chat.scrollHeight;
    // A new photo takes its height only once loaded: the chat stays at its newest message then too.
    for (const img of chat.querySelectorAll("img")) {
      if (!img.complete) img.addEventListener("load", () => { chat.scrollTop = chat.scrollHeight; }, { once: true });
    }
  }
  replyKeyboard(state.keyboard);
  showAnswers(state.answers);
}

async function follow() {
  for (;;) {
    page.poll = new AbortController();
    try {
      const res = await fetch(`/api/state?person=${page.person}&since=${page.version}&language=${page.language}`, { signal: page.poll.signal });
      const state = await res.json();
      if (!state.people.some((p) => p.id === page.person)) {
        choosePerson(state.people[0].id);
        continue;
      }
      // An answer for the person shown before a switch is not this chat.
      if (state.person !== page.person) continue;
      page.state = state;
      page.clockOffsetMs = new Date(state.now).getTime() - Date.now();
      showClock();
      // A change elsewhere (another person's chat, the bot's own polling) leaves this chat as it
      // is: a button about to be pressed stays where it is.
      const view = JSON.stringify([state.people, state.messages, state.keyboard, state.answers]);
      if (view !== page.view) render(state);
      page.view = view;
      page.version = state.version;
      document.body.dataset.version = String(state.version);
      document.body.dataset.ready = "true";
    } catch (error) {
      if (error.name !== "AbortError") await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function send(text) {
  if (text.trim() === "") return;
  await post("/api/send", { person: page.person, text });
}

function wire() {
  $("#composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = event.target.elements.text;
    void send(input.value);
    input.value = "";
  });
  $("#add-person").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target.elements;
    const { id } = await post("/api/people", { name: form.name.value, language: form.language.value });
    form.name.value = "";
    choosePerson(id);
  });
  for (const button of document.querySelectorAll("[data-step]")) {
    button.addEventListener("click", async () => {
      const { moved } = await post("/api/clock", { step: button.dataset.step });
      if (!moved) toast(t("sandbox-nothing-planned"));
    });
  }
  for (const button of document.querySelectorAll("[data-language]")) {
    button.addEventListener("click", () => {
      page.language = button.dataset.language;
      localStorage.setItem("sandbox-language", page.language);
      // The day under the clock is written in the page's language: ask for it again.
      page.version = 0;
      page.poll?.abort();
      void loadLabels();
    });
  }
  setInterval(showClock, 15_000);
}

wire();
void loadLabels().then(follow);
