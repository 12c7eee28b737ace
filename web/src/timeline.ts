// The timeline: events per day as bars (uPlot); dragging across it selects a range of days
// (the brush), which narrows the map and the table.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { SitrepEvent } from "./types";
import { dayNumber, isoDay } from "./dates";

const SECONDS_PER_DAY = 86400;
const MAX_DRAWN_RANGE_DAYS = 31;

export class Timeline {
  private plot: uPlot | null = null;
  private days: number[] = [];

  constructor(
    private element: HTMLElement,
    private onBrush: (range: [string, string] | null) => void,
  ) {}

  show(events: SitrepEvent[], brush: [string, string] | null): void {
    const counts = new Map<number, number>();
    let vague = 0;
    for (const e of events) {
      const d = dayNumber(e.date);
      if (Number.isNaN(d)) continue;
      // "in 2015" or "this year" would stretch the axis over years: such events are not drawn
      // (the brush still keeps them when their range overlaps it).
      if (dayNumber(e.date_end || e.date) - d > MAX_DRAWN_RANGE_DAYS) {
        vague++;
        continue;
      }
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    const known = [...counts.keys()];
    this.days = [];
    if (known.length) {
      const first = Math.min(...known) - 1;
      const last = Math.max(...known) + 1;
      for (let d = first; d <= last; d++) this.days.push(d);
    }
    const xs = this.days.map((d) => d * SECONDS_PER_DAY);
    const ys = this.days.map((d) => counts.get(d) ?? 0);
    this.plot?.destroy();
    this.plot = new uPlot(this.options(), [xs, ys], this.element);
    this.element.dataset.days = String(this.days.length);
    this.element.dataset.firstDay = this.days.length ? isoDay(this.days[0]) : "";
    this.element.dataset.lastDay = this.days.length ? isoDay(this.days[this.days.length - 1]) : "";
    this.element.dataset.vague = String(vague);
    if (brush) this.drawBrush(brush);
  }

  resize(): void {
    if (this.plot) this.plot.setSize(this.size());
  }

  private size(): { width: number; height: number } {
    const width = Math.max(260, this.element.clientWidth || 600);
    return { width, height: width < 500 ? 130 : 150 };
  }

  private options(): uPlot.Options {
    const bars = uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 24] }) : undefined;
    return {
      ...this.size(),
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      legend: { show: false },
      scales: { x: { time: true } },
      axes: [{ space: 60 }, { size: 36, incrs: [1, 2, 5, 10, 20, 50, 100] }],
      series: [{}, { label: "events", fill: "rgba(192,57,43,0.55)", stroke: "#c0392b", paths: bars }],
      hooks: { setSelect: [(u) => this.selected(u)] },
    };
  }

  private selected(u: uPlot): void {
    if (u.select.width < 2) return;
    const from = Math.ceil(u.posToVal(u.select.left, "x") / SECONDS_PER_DAY - 0.5);
    const to = Math.floor(u.posToVal(u.select.left + u.select.width, "x") / SECONDS_PER_DAY + 0.5);
    if (to < from) return;
    this.onBrush([isoDay(from), isoDay(to)]);
  }

  private drawBrush(brush: [string, string]): void {
    const u = this.plot;
    if (!u) return;
    const left = u.valToPos((dayNumber(brush[0]) - 0.5) * SECONDS_PER_DAY, "x");
    const right = u.valToPos((dayNumber(brush[1]) + 0.5) * SECONDS_PER_DAY, "x");
    u.setSelect({ left, width: Math.max(2, right - left), top: 0, height: u.over.clientHeight }, false);
  }
}
