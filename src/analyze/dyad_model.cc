// The Hawkes model of the dyads: which dyads, their points, the fit and each event's trigger.
#include <algorithm>
#include <cmath>
#include <map>

#include "analyze/analyze.h"

namespace sitrep::analyze {

Result<DyadModel> FitDyadModel(const std::vector<Event>& events, const DyadModelOptions& options) {
  std::vector<DyadEvent> all = ToDyadEvents(events, options.dyads);
  if (all.empty()) return Error{"no conflict events between named actors to model"};
  DyadModel model;
  model.origin = all.front().date;
  model.as_of = options.as_of ? *options.as_of : all.back().date;
  if (model.as_of < model.origin) return Error{"--as-of is before the first conflict event"};

  std::map<std::string, int> counts;
  for (const DyadEvent& d : all)
    if (d.date <= model.as_of) ++counts[d.dyad];
  std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > options.max_dyads) ranked.resize(options.max_dyads);
  std::map<std::string, int> dim;
  for (const auto& [dyad, n] : ranked) {
    dim[dyad] = static_cast<int>(model.dyads.size());
    model.dyads.push_back(dyad);
  }

  std::vector<HawkesPoint> points;
  for (const DyadEvent& d : all) {
    if (d.date > model.as_of || !dim.count(d.dyad)) continue;
    points.push_back({d.time, dim[d.dyad]});
    model.points.push_back(d);
  }
  double horizon = (model.as_of - model.origin) + 1;
  HawkesOptions hawkes = options.hawkes;
  using Coupling = DyadModelOptions::Coupling;
  if (options.coupling != Coupling::kAll && hawkes.excitation_mask.empty()) {
    auto sides = [](const std::string& dyad) {
      size_t bar = dyad.find('>');
      return std::make_pair(dyad.substr(0, bar), dyad.substr(bar + 1));
    };
    hawkes.excitation_mask.assign(model.dyads.size(), std::vector<int>(model.dyads.size(), 0));
    for (size_t u = 0; u < model.dyads.size(); ++u)
      for (size_t v = 0; v < model.dyads.size(); ++v) {
        auto [a, b] = sides(model.dyads[u]);
        auto [c, d] = sides(model.dyads[v]);
        bool pair = (a == c && b == d) || (a == d && b == c);
        bool shared = a == c || a == d || b == c || b == d;
        hawkes.excitation_mask[u][v] = options.coupling == Coupling::kPair ? pair : shared;
      }
  }
  auto fit = FitHawkes(points, static_cast<int>(model.dyads.size()), horizon, hawkes);
  if (!fit) return Error{fit.error()};
  model.fit = std::move(*fit);
  for (size_t i = 0; i < model.points.size(); ++i) {
    const DyadEvent& d = model.points[i];
    Trigger t;
    t.event_id = d.event_id;
    t.dyad = d.dyad;
    t.date = d.date;
    t.p_background = model.fit.p_background[i];
    int parent = model.fit.best_parent[i];
    if (parent >= 0 && model.fit.p_best_parent[i] > t.p_background) {
      t.parent_id = model.points[parent].event_id;
      t.parent_dyad = model.points[parent].dyad;
      t.parent_date = model.points[parent].date;
      t.p_parent = model.fit.p_best_parent[i];
    }
    model.triggers.push_back(std::move(t));
  }
  return model;
}

std::optional<double> TriggerProbability(const DyadModel& model, const std::string& cause_id,
                                         const std::string& response_id) {
  return TriggerScorer(model)(cause_id, response_id);
}

TriggerScorer::TriggerScorer(const DyadModel& model) : model_(model) {
  std::unordered_map<std::string_view, int> dims;
  for (size_t i = 0; i < model.dyads.size(); ++i) dims.emplace(model.dyads[i], static_cast<int>(i));
  point_of_.reserve(model.points.size());
  dim_of_.reserve(model.points.size());
  for (size_t i = 0; i < model.points.size(); ++i) {
    point_of_.emplace(model.points[i].event_id, i);
    auto it = dims.find(model.points[i].dyad);
    dim_of_.push_back(it == dims.end() ? static_cast<int>(model.dyads.size()) : it->second);
  }
}

std::optional<double> TriggerScorer::operator()(const std::string& cause_id,
                                                const std::string& response_id) {
  auto c = point_of_.find(cause_id), r = point_of_.find(response_id);
  if (c == point_of_.end() || r == point_of_.end()) return std::nullopt;
  const DyadEvent& cause = model_.points[c->second];
  const DyadEvent& response = model_.points[r->second];
  if (cause.time >= response.time) return std::nullopt;
  const HawkesParams& p = model_.fit.params;
  int u = dim_of_[r->second];
  auto excitation = [&](size_t i) {
    const DyadEvent& d = model_.points[i];
    return p.alpha[u][dim_of_[i]] * p.beta * std::exp(-p.beta * (response.time - d.time));
  };
  auto cached = rate_at_.find(r->second);
  if (cached == rate_at_.end()) {
    double rate = p.mu[u];
    for (size_t i = 0; i < model_.points.size(); ++i)
      if (model_.points[i].time < response.time) rate += excitation(i);
    cached = rate_at_.emplace(r->second, rate).first;
  }
  double rate = cached->second;
  return rate > 0 ? excitation(c->second) / rate : 0;
}

}  // namespace sitrep::analyze
