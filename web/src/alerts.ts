// The alerts panel: one entry per dyad or area (highest level first, as the API orders them),
// with the reasons that set its level.
import type { Alert } from "./types";

export function renderAlerts(list: HTMLElement, alerts: Alert[], onPick: (alert: Alert) => void): void {
  list.replaceChildren();
  if (!alerts.length) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = "No alerts: no events match.";
    list.append(li);
    return;
  }
  for (const a of alerts) {
    const li = document.createElement("li");
    li.className = `alert level-${a.level}`;
    li.dataset.level = a.level;
    li.dataset.key = a.key;
    const head = document.createElement("button");
    head.type = "button";
    head.className = "alert-head";
    head.textContent = `${a.level.toUpperCase()} · ${a.scope} ${a.key}`;
    head.title = a.scope === "area" ? "Show this area's events" : "Show this dyad's events";
    head.addEventListener("click", () => onPick(a));
    const reasons = document.createElement("ul");
    reasons.className = "reasons";
    if (!a.reasons.length) {
      const item = document.createElement("li");
      item.className = "reason";
      item.textContent = `${a.recent_events ?? 0} recent events; nothing above the baseline`;
      reasons.append(item);
    }
    for (const r of a.reasons) {
      const item = document.createElement("li");
      item.className = `reason level-${r.level}`;
      item.textContent = r.text;
      item.title = r.kind;
      reasons.append(item);
    }
    li.append(head, reasons);
    list.append(li);
  }
}
