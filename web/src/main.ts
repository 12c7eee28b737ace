// The dashboard: loads the events that match the filters, draws map, timeline and table, and
// keeps everything (filters, timeline selection, open article) in the URL.
import "./style.css";
import { fetchAlerts, fetchArticle, fetchEvents } from "./api";
import { renderAlerts } from "./alerts";
import { renderArticle } from "./article";
import { overlaps } from "./dates";
import { EventMap, renderLegend } from "./map";
import { FILTER_NAMES, apiQuery, readState, writeState, type ViewState } from "./state";
import { renderTable } from "./table";
import { Timeline } from "./timeline";
import type { Alert, SitrepEvent } from "./types";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: ViewState = readState(location.search);
let events: SitrepEvent[] = [];

const map = new EventMap($("map"), (e) => selectEvent(e));
const timeline = new Timeline($("timeline"), (range) => {
  state.brush = range;
  saveState();
  showSelection();
});

function saveState(): void {
  history.replaceState(null, "", location.pathname + writeState(state));
}

function setStatus(text: string, isError = false): void {
  const el = $("status");
  el.textContent = text;
  el.classList.toggle("error", isError);
}

function brushed(): SitrepEvent[] {
  const b = state.brush;
  return b ? events.filter((e) => overlaps(e.date, e.date_end, b[0], b[1])) : events;
}

// Map and table show the brushed subset; the timeline always shows every loaded event.
function showSelection(): void {
  const shown = brushed();
  map.show(shown, state.event);
  renderTable($("events").querySelector("tbody")!, shown, state.event, (e) => selectEvent(e));
  $("event-count").textContent = `(${shown.length}${shown.length !== events.length ? ` of ${events.length}` : ""})`;
  const vague = Number($("timeline").dataset.vague ?? 0);
  const note = vague ? ` (${vague} with a date vaguer than a month not drawn)` : "";
  $("brush-label").textContent = (state.brush ? `${state.brush[0]} – ${state.brush[1]}` : "drag to select days") + note;
  $("clear-brush").hidden = !state.brush;
}

function updateExports(): void {
  for (const format of ["csv", "jsonl", "geojson"]) {
    const q = apiQuery(state.filters);
    if (state.brush) {
      // The export covers what is on screen: the brush narrows the date filters.
      if (!q.get("from") || q.get("from")! < state.brush[0]) q.set("from", state.brush[0]);
      if (!q.get("to") || q.get("to")! > state.brush[1]) q.set("to", state.brush[1]);
    }
    q.set("format", format);
    ($(`export-${format}`) as HTMLAnchorElement).href = "api/events?" + q.toString();
  }
}

async function loadEvents(): Promise<void> {
  setStatus("loading…");
  try {
    const list = await fetchEvents(apiQuery(state.filters));
    events = list.events;
    setStatus(list.total > events.length ? `${events.length} of ${list.total} events loaded` : `${list.total} events`);
  } catch (err) {
    events = [];
    setStatus(String((err as Error).message), true);
  }
  timeline.show(events, state.brush);
  showSelection();
  updateExports();
  document.body.dataset.loaded = "events";
}

async function loadAlerts(): Promise<void> {
  const list = $("alerts");
  list.innerHTML = "<li class='none'>computing…</li>";
  try {
    const report = await fetchAlerts(apiQuery(state.filters));
    renderAlerts(list, report.alerts, pickAlert);
  } catch (err) {
    list.innerHTML = "";
    const li = document.createElement("li");
    li.className = "none error";
    li.textContent = `alerts unavailable: ${(err as Error).message}`;
    list.append(li);
  }
  document.body.dataset.alerts = "loaded";
}

function pickAlert(alert: Alert): void {
  if (alert.scope === "area") state.filters.country = alert.key.slice(0, 3);
  else state.filters.actor = alert.key.split(">")[0].replace("?", "");
  state.brush = null;
  fillForm();
  saveState();
  void loadEvents();
}

function selectEvent(e: SitrepEvent): void {
  state.event = e.id;
  state.article = e.article.id;
  saveState();
  showSelection();
  void openArticle();
}

async function openArticle(): Promise<void> {
  const panel = $("article-panel");
  if (!state.article) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const body = $("article-body");
  body.textContent = "loading…";
  try {
    const view = await fetchArticle(state.article);
    $("article-title").textContent = view.article.title || view.article.id;
    const meta = [view.article.outlet, view.article.author, view.article.published].filter(Boolean).join(" · ");
    $("article-meta").textContent = `${meta}${meta ? " · " : ""}${view.spans.length} evidence spans`;
    const selected = renderArticle(body, view, state.event);
    body.dataset.articleId = view.article.id;
    selected?.scrollIntoView({ block: "center" });
  } catch (err) {
    body.textContent = `cannot open the article: ${(err as Error).message}`;
  }
}

function fillForm(): void {
  const form = $("filters") as HTMLFormElement;
  for (const name of FILTER_NAMES) (form.elements.namedItem(name) as HTMLInputElement).value = state.filters[name];
}

function wireControls(): void {
  const form = $("filters") as HTMLFormElement;
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    for (const name of FILTER_NAMES) state.filters[name] = (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    state.brush = null;
    saveState();
    void loadEvents();
    void loadAlerts();
  });
  $("reset").addEventListener("click", () => {
    state = readState("");
    fillForm();
    saveState();
    $("article-panel").hidden = true;
    void loadEvents();
    void loadAlerts();
  });
  $("clear-brush").addEventListener("click", () => {
    state.brush = null;
    saveState();
    timeline.show(events, null);
    showSelection();
  });
  $("close-article").addEventListener("click", () => {
    state.article = "";
    state.event = "";
    saveState();
    $("article-panel").hidden = true;
    showSelection();
  });
  let pending = 0;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = window.setTimeout(() => {
      map.resize();
      timeline.resize();
    }, 150);
  });
}

renderLegend($("legend"));
fillForm();
wireControls();
void loadEvents();
void loadAlerts();
void openArticle();
