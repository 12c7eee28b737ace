// Conflict events as points on directed dyads (with the unknown-source rule), and the
// action–reaction chains between opposed dyads.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "analyze/analyze.h"

namespace sitrep::analyze {

std::optional<UnknownSource> ParseUnknownSource(const std::string& name) {
  if (name == "drop") return UnknownSource::kDrop;
  if (name == "last-attacked") return UnknownSource::kLastAttacked;
  return std::nullopt;
}

std::vector<DyadEvent> ToDyadEvents(const std::vector<Event>& events, const DyadOptions& options) {
  std::vector<const Event*> conflict;
  for (const Event& e : events)
    if (IsConflict(e) && e.target) conflict.push_back(&e);
  std::stable_sort(conflict.begin(), conflict.end(), [](const Event* a, const Event* b) {
    return a->date.begin != b->date.begin ? a->date.begin < b->date.begin : a->id < b->id;
  });
  std::vector<DyadEvent> out;
  if (conflict.empty()) return out;
  const Date origin = conflict.front()->date.begin;
  // Per actor: the targets it hit with a named-source event (day, target, countries of the
  // target and the place). Attributed events never feed this, so one guess is not built on
  // another.
  struct Hit {
    Date date;
    std::string target, target_country, place_country;
  };
  std::map<std::string, std::vector<Hit>> hits;
  for (const Event* e : conflict) {
    DyadEvent d;
    d.event_id = e->id;
    d.target = ActorKey(e->target);
    d.date = e->date.begin;
    d.time = (e->date.begin - origin) + 0.5;
    d.fatalities = e->fatalities.value_or(0);
    d.goldstein = e->goldstein;
    const std::string place = e->location ? e->location->country : std::string();
    std::string source = ActorKey(e->source);
    if (source == "?") {
      if (options.unknown_source == UnknownSource::kDrop) continue;
      // The actor the target most recently hit, preferring one hit in this attack's country.
      const Hit* chosen = nullptr;
      auto it = hits.find(d.target);
      if (it != hits.end())
        for (auto h = it->second.rbegin(); h != it->second.rend(); ++h) {
          if (e->date.begin - h->date > options.attribution_days) break;
          if (e->date.begin - h->date < 1) continue;  // a reply comes on a later day
          if (!chosen) chosen = &*h;
          if (!place.empty() && (h->place_country == place || h->target_country == place)) {
            chosen = &*h;
            break;
          }
        }
      if (!chosen) continue;
      source = chosen->target;
      d.attributed = true;
    } else {
      hits[source].push_back({e->date.begin, d.target, e->target->country, place});
    }
    if (source == d.target || d.target == "?") continue;  // internal or untargeted
    d.source = source;
    d.dyad = source + ">" + d.target;
    out.push_back(std::move(d));
  }
  return out;
}

namespace {

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

std::vector<RetaliationChain> FindRetaliationChains(const std::vector<Event>& events,
                                                    const ChainOptions& options) {
  std::vector<DyadEvent> points = ToDyadEvents(events, options.dyads);
  std::map<std::string, int> quad;
  for (const Event& e : events) quad[e.id] = e.quad_class;
  std::set<std::string> dyads;
  for (const DyadEvent& p : points) dyads.insert(p.dyad);

  std::vector<RetaliationChain> chains;
  for (const std::string& dyad : dyads) {
    std::string a = dyad.substr(0, dyad.find('>')), b = dyad.substr(dyad.find('>') + 1);
    if (a > b || !dyads.count(b + ">" + a)) continue;  // each opposed pair once
    std::vector<int> members;
    for (int i = 0; i < static_cast<int>(points.size()); ++i)
      if ((points[i].source == a && points[i].target == b) ||
          (points[i].source == b && points[i].target == a))
        members.push_back(i);
    // Each event answers the latest earlier event of the other side within the window.
    std::vector<int> parent(members.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<std::pair<int, ChainLink>> links;  // (member index of response, link)
    for (size_t r = 0; r < members.size(); ++r) {
      const DyadEvent& response = points[members[r]];
      for (size_t c = r; c-- > 0;) {
        const DyadEvent& cause = points[members[c]];
        int lag = response.date - cause.date;
        if (lag > options.window_days) break;
        if (lag < 1 || cause.source == response.source) continue;
        ChainLink link;
        link.cause_id = cause.event_id;
        link.response_id = response.event_id;
        link.cause_date = cause.date;
        link.response_date = response.date;
        link.lag_days = lag;
        double severity = quad[response.event_id] == 4 ? 1.0 : 0.5;
        link.strength = std::exp(-static_cast<double>(lag) / options.window_days) * severity;
        links.push_back({static_cast<int>(r), link});
        parent[Find(parent, static_cast<int>(r))] = Find(parent, static_cast<int>(c));
        break;
      }
    }
    std::map<int, RetaliationChain> by_root;
    for (auto& [r, link] : links) by_root[Find(parent, r)].links.push_back(link);
    for (auto& [root, chain] : by_root) {
      std::set<int> in_chain;
      for (size_t m = 0; m < members.size(); ++m)
        if (Find(parent, static_cast<int>(m)) == root) in_chain.insert(static_cast<int>(m));
      const DyadEvent& opener = points[members[*in_chain.begin()]];
      chain.actor_a = opener.source;
      chain.actor_b = opener.target;
      for (int m : in_chain) chain.event_ids.push_back(points[members[m]].event_id);
      chain.begin = opener.date;
      chain.end = points[members[*in_chain.rbegin()]].date;
      double sum = 0;
      for (const ChainLink& l : chain.links) sum += l.strength;
      chain.strength = sum;
      chains.push_back(std::move(chain));
    }
  }
  std::sort(chains.begin(), chains.end(), [](const RetaliationChain& x, const RetaliationChain& y) {
    return x.strength != y.strength ? x.strength > y.strength : x.begin < y.begin;
  });
  return chains;
}

}  // namespace sitrep::analyze
