// Browser test of the dashboard: ingests the bundled examples (and the dev corpus's seed
// article when present) into a temporary SQLite store with `sitrep ingest`, serves it with
// `sitrep serve` on a free loopback port, and drives the system chromium (never a downloaded
// browser) through playwright-core. Exit 77 = skipped (no chromium / no built dashboard).
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.SITREP_SOURCE_DIR ?? path.resolve(here, "..", "..");
const binary = process.env.SITREP_BINARY ?? path.join(root, "build", "sitrep");
const chromiumPath = process.env.SITREP_CHROMIUM ?? "/usr/bin/chromium";
const webDist = path.join(root, "web", "dist");
const shots = process.env.SITREP_SCREENSHOTS ?? path.join(process.cwd(), "screenshots");

function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

if (!existsSync(chromiumPath)) skip(`no chromium at ${chromiumPath}`);
if (!existsSync(path.join(webDist, "index.html"))) skip("web/dist not built (cd web && npm run build)");
if (!existsSync(binary)) skip(`no sitrep binary at ${binary}`);
let chromium;
try {
  ({ chromium } = createRequire(path.join(root, "web", "package.json"))("playwright-core"));
} catch {
  skip("playwright-core not installed in web/ (npm ci in web/)");
}

const results = { passed: 0, failed: 0 };
async function check(name, fn) {
  try {
    await fn();
    results.passed++;
    console.log(`ok - ${name}`);
  } catch (err) {
    results.failed++;
    console.log(`not ok - ${name}\n  ${String(err?.stack ?? err).replace(/\n/g, "\n  ")}`);
  }
}

function ingest(db) {
  const inputs = [path.join(root, "examples")];
  const seed = path.join(root, "..", "shared", "corpus", "dev", "red-alert-in-iraq.md");
  if (existsSync(seed)) inputs.push(seed);
  const run = spawnSync(binary, ["ingest", ...inputs, "--db", db], { encoding: "utf8" });
  console.log(`# sitrep ingest ${inputs.length} inputs -> exit ${run.status}`);
  if (run.stderr) console.log("# " + run.stderr.trim().replace(/\n/g, "\n# "));
  assert.ok(run.status === 0 || run.status === 1, `sitrep ingest failed: ${run.status}`);
}

function serve(db) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.SITREP_TOKEN;
    const child = spawn(binary, ["serve", "--db", db, "--port", "0", "--web", webDist, "--read-only"], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    const timer = setTimeout(() => reject(new Error("sitrep serve did not start: " + err)), 30000);
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`sitrep serve exited ${code}: ${err}`)));
  });
}

const km = (a, b) => {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};
const AIN_AL_ASAD = { lat: 33.8, lon: 42.44 };

const work = mkdtempSync(path.join(tmpdir(), "sitrep-web-"));
const db = "sqlite:" + path.join(work, "store.db");
mkdirSync(shots, { recursive: true });
let server, browser;
try {
  ingest(db);
  server = await serve(db);
  const api = async (p) => (await fetch(server.base + p)).json();
  const all = (await api("api/events?limit=10000")).events;
  console.log(`# ${all.length} events in the store, served at ${server.base}`);
  assert.ok(all.length > 0, "the ingest stored no events");

  // A fresh profile each run; playwright passes it as --user-data-dir.
  browser = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const context = browser;
  const page = await context.newPage();
  const offsite = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(server.base) && !r.url().startsWith("data:")) offsite.push(r.url());
  });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(server.base);
  await page.waitForSelector("body[data-loaded=events]");
  await page.waitForSelector("#map[data-basemap=loaded]");

  await check("the map shows one marker per located event", async () => {
    const located = all.filter((e) => e.location).length;
    assert.equal(await page.locator("#map .ev-shape").count(), located);
    assert.ok(located > 0);
  });

  const near = all.find((e) => e.location && km(e.location, AIN_AL_ASAD) < 25);
  await check("an event at Ain al-Asad has a marker at its place", async () => {
    assert.ok(near, "no stored event located within 25 km of Ain al-Asad");
    const marker = page.locator(`#map .ev-shape[data-event-id="${near.id}"]`);
    assert.equal(await marker.count(), 1);
    const lat = Number(await marker.getAttribute("data-lat"));
    const lon = Number(await marker.getAttribute("data-lon"));
    assert.ok(km({ lat, lon }, AIN_AL_ASAD) < 25, `marker at ${lat},${lon}`);
    // The marker is drawn on screen (Leaflet positions it; it is inside the map's box).
    const box = await marker.boundingBox();
    const mapBox = await page.locator("#map").boundingBox();
    assert.ok(box && mapBox && box.x >= mapBox.x && box.x <= mapBox.x + mapBox.width);
    const title = await page.locator(`.ev-marker:has([data-event-id="${near.id}"])`).getAttribute("title");
    assert.ok(title && title.includes(near.date), `tooltip: ${title}`);
  });

  await check("the table lists every event with its columns", async () => {
    assert.equal(await page.locator("#events tbody tr[data-event-id]").count(), Math.min(all.length, 2000));
    const first = await page.locator("#events tbody tr[data-event-id]").first().locator("td").allTextContents();
    assert.equal(first.length, 8);
    assert.match(first[0], /^\d{4}-\d{2}-\d{2}/);
  });

  await check("clicking a marker opens its article with the evidence highlighted", async () => {
    const target = near ?? all.find((e) => e.location);
    // Click where the marker is drawn, as a person would; markers at the same place overlap, so
    // the event opened is whichever is on top there: read it back from the URL.
    const box = await page.locator(`#map .ev-shape[data-event-id="${target.id}"]`).boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector("#article-panel:not([hidden]) mark.evidence.selected");
    const opened = new URL(page.url()).searchParams.get("event");
    const event = all.find((e) => e.id === opened);
    assert.ok(event, `the URL names no known event: ${page.url()}`);
    assert.ok(km(event.location, target.location) < 5, "the click opened an event elsewhere");
    const mark = page.locator("#article-body mark.evidence.selected");
    const text = (await mark.textContent()).replace(/\s+/g, " ").trim();
    const view = await api("api/articles/" + encodeURIComponent(event.article.id));
    const span = view.spans.find((s) => s.event_id === event.id);
    assert.ok(span, "the article has no span for the event");
    const expected = Buffer.from(view.body, "utf8").subarray(span.start, span.end).toString("utf8");
    assert.ok(text.includes(expected.replace(/\s+/g, " ").trim()), `highlighted "${text}" vs "${expected}"`);
    assert.ok((await mark.getAttribute("data-event-ids")).split(" ").includes(event.id));
    assert.equal(await page.locator("#article-body mark.evidence").count() > 0, true);
    assert.ok(page.url().includes("article="), "the open article is not in the URL");
    await page.screenshot({ path: path.join(shots, "article.png"), fullPage: false });
  });

  await check("an alert is listed with its level and reasons", async () => {
    await page.waitForSelector("body[data-alerts=loaded]");
    const alerts = page.locator("#alerts li.alert");
    assert.ok((await alerts.count()) > 0, await page.locator("#alerts").innerText());
    const level = await alerts.first().getAttribute("data-level");
    assert.ok(["green", "yellow", "orange", "red"].includes(level));
    assert.ok((await alerts.first().locator(".reasons li").count()) > 0);
    const report = await api("api/alerts");
    assert.equal(await alerts.count(), report.alerts.length);
  });

  let brushedRows = 0;
  await check("brushing the timeline narrows the table and the map", async () => {
    const rows = () => page.locator("#events tbody tr[data-event-id]").count();
    const before = await rows();
    const days = [...new Set(all.map((e) => e.date))].sort();
    assert.ok(days.length >= 2, `events on ${days.length} day(s): nothing to narrow`);
    await page.locator("#timeline").scrollIntoViewIfNeeded();
    const over = await page.locator("#timeline .u-over").boundingBox();
    // The x axis spans the drawn days; select from the median event day to the end.
    const day = (iso) => Date.parse(iso + "T00:00:00Z") / 86400000;
    const lo = day(await page.locator("#timeline").getAttribute("data-first-day"));
    const hi = day(await page.locator("#timeline").getAttribute("data-last-day"));
    const x = (d) => over.x + ((d - lo) / (hi - lo)) * over.width;
    const y = over.y + over.height / 2;
    const median = all.map((e) => e.date).sort()[Math.floor(all.length / 2)];
    await page.mouse.move(x(day(median)), y);
    await page.mouse.down();
    await page.mouse.move(over.x + over.width - 2, y, { steps: 10 });
    await page.mouse.up();
    await page.waitForFunction(() => !document.getElementById("clear-brush").hidden);
    brushedRows = await rows();
    const [from, to] = new URL(page.url()).searchParams.get("brush").split(",");
    const expected = all.filter((e) => e.date <= to && (e.date_end || e.date) >= from).length;
    assert.ok(brushedRows < before, `rows ${before} -> ${brushedRows}`);
    assert.ok(brushedRows > 0, "the selection emptied the table");
    assert.equal(brushedRows, expected, `brush ${from}…${to}`);
    for (const d of await page.locator("#events tbody tr[data-event-id] td:first-child").allTextContents()) {
      const [a, b = a] = d.split("…");
      assert.ok(a <= to && b >= from, `row dated ${d} outside ${from}…${to}`);
    }
    const markers = await page.locator("#map .ev-shape").count();
    assert.ok(markers <= brushedRows, `markers ${markers} > rows ${brushedRows}`);
    assert.match(page.url(), /brush=\d{4}-\d{2}-\d{2}%2C\d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: path.join(shots, "desktop-brushed.png") });
  });

  await check("the URL restores the view (filters, brush, article)", async () => {
    const url = page.url();
    const again = await context.newPage();
    await again.goto(url);
    await again.waitForSelector("body[data-loaded=events]");
    assert.equal(await again.locator("#events tbody tr[data-event-id]").count(), brushedRows);
    await again.waitForSelector("#article-panel:not([hidden]) mark.evidence");
    await again.close();
  });

  await check("filters go to the API and into the URL", async () => {
    await page.fill("#filters input[name=country]", "ZZZ");
    await page.click("#filters button[type=submit]");
    await page.waitForFunction(() => document.getElementById("event-count").textContent === "(0)");
    assert.match(page.url(), /country=ZZZ/);
    await page.click("#reset");
    await page.waitForFunction((n) => document.querySelectorAll("#events tbody tr[data-event-id]").length === n,
      Math.min(all.length, 2000));
  });

  await page.screenshot({ path: path.join(shots, "desktop.png") });

  await check("usable on a phone-width screen (no horizontal overflow)", async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(server.base);
    await p.waitForSelector("body[data-loaded=events]");
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
    const mapBox = await p.locator("#map").boundingBox();
    assert.ok(mapBox.width <= 390 && mapBox.width > 300);
    await p.screenshot({ path: path.join(shots, "phone.png"), fullPage: true });
    await p.close();
  });

  await check("fully offline: no request left the server, no page errors", async () => {
    assert.deepEqual(offsite, []);
    assert.deepEqual(pageErrors, []);
  });
} catch (err) {
  results.failed++;
  console.log(`not ok - setup\n  ${err?.stack ?? err}`);
} finally {
  await browser?.close();
  server?.child.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
console.log(`# screenshots in ${shots}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
