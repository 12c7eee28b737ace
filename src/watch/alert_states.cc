#include "watch/alert_states.h"

#include <algorithm>
#include <map>

namespace sitrep {
namespace {

bool InArea(const Event& e, const std::string& key) {
  if (!e.location) return false;
  if (key == e.location->country) return true;
  return key == e.location->country + "/" + e.location->admin1;
}

}  // namespace

std::vector<AlertState> ToAlertStates(const analyze::AlertReport& report,
                                      const std::vector<Event>& events, int recent_days) {
  std::map<std::string, std::string> newest_change;
  for (const analyze::ChangePoint& c : report.change_points) {
    std::string& d = newest_change[c.series];
    d = std::max(d, c.alarm.Iso());
  }
  Date recent_from = report.as_of - (recent_days - 1);
  std::vector<AlertState> out;
  for (const analyze::Alert& a : report.alerts) {
    AlertState s;
    s.key = a.scope + ":" + a.key;
    s.level = static_cast<int>(a.level);
    for (const analyze::Reason& r : a.reasons) s.reasons.push_back(r.text);
    for (const Event& e : events) {
      if (e.date.end < recent_from || e.date.begin > report.as_of) continue;
      bool mine = a.scope == "dyad" ? analyze::DyadKey(e) == a.key : InArea(e, a.key);
      if (mine) s.event_ids.push_back(e.id);
    }
    if (auto it = newest_change.find(a.key); it != newest_change.end())
      s.last_change_point = it->second;
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<AlertState>> CurrentAlertStates(Store& store, int lookback_days) {
  // The newest event first, then only the look-back window: the store may hold years.
  EventQuery newest_query;
  newest_query.sort = "-date";
  newest_query.limit = 1;
  std::optional<Date> newest;
  Status found = store.QueryEvents(newest_query, [&](const Event& e) { newest = e.date.end; });
  if (!found) return Error{found.error()};
  if (!newest) return std::vector<AlertState>{};
  EventQuery window;
  window.from = *newest - lookback_days;
  window.to = *newest;
  std::vector<Event> events;
  Status read = store.QueryEvents(window, [&](const Event& e) { events.push_back(e); });
  if (!read) return Error{read.error()};
  analyze::AlertOptions options;
  options.as_of = *newest;
  analyze::AlertReport report = analyze::ComputeAlerts(events, options);
  return ToAlertStates(report, events, options.recent_days);
}

}  // namespace sitrep
