// Escalation analytics over a list of events: count and intensity series (by dyad, CAMEO root,
// ACLED type, country, admin-1 area), Poisson CUSUM change points with a threshold set from a
// target false-alarm rate, action–reaction (retaliation) chains, a multivariate Hawkes process
// fitted by EM, Monte Carlo forecasts with 80 % intervals and their back-test, and
// green/yellow/orange/red alerts with the reasons that set them. Everything here is a pure
// function of std::vector<Event> and options; every result converts to JSON (ToJson).
// Methods, formulas and defaults: docs/analytics.md.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/event.h"
#include "base/result.h"

namespace sitrep::analyze {

// ---------------------------------------------------------------------------------------------
// Series

enum class Bucket { kDay, kWeek };  // weeks start on Monday
enum class GroupBy { kAll, kDyad, kRoot, kAcledType, kCountry, kAdmin1 };
std::optional<Bucket> ParseBucket(const std::string& name);    // "day", "week"
std::optional<GroupBy> ParseGroupBy(const std::string& name);  // all dyad root acled country admin1
std::string BucketName(Bucket b);
std::string GroupByName(GroupBy g);

// The "nature" of the violence in a set of events.
struct SeverityMix {
  int events = 0;
  double material_conflict_share = 0;  // quad_class 4
  double lethal_share = 0;             // fatalities > 0
  int fatalities = 0;
  std::map<std::string, int> weapons;  // weapon kind -> events ("none" when not stated)
};

struct SeriesOptions {
  Bucket bucket = Bucket::kDay;
  GroupBy by = GroupBy::kDyad;
  std::optional<Date> from;  // default: first event's bucket
  std::optional<Date> to;    // default: last event's bucket
  size_t top = 0;            // keep the `top` series with most events (0: all)
};

struct Series {
  std::string key;  // "USA>IRQ", "19", "Battles", "IRQ", "IRQ/Erbil", "all"
  GroupBy by = GroupBy::kAll;
  Bucket bucket = Bucket::kDay;
  Date start;                     // first day of the first bucket
  std::vector<int> counts;        // events per bucket
  std::vector<double> intensity;  // Σ −goldstein over conflict events (quad 3/4) per bucket
  std::vector<int> fatalities;    // Σ fatalities per bucket
  SeverityMix mix;                // over the whole series
  int total() const;
  Date BucketStart(size_t i) const;
};

// The dyad of an event: "SRC>TGT" from country codes, or the actor code when the country is
// empty (militias, unnamed groups); "?" for an unknown side.
std::string DyadKey(const Event& e);
std::string ActorKey(const std::optional<Actor>& a);
bool IsConflict(const Event& e);  // quad_class 3 or 4

std::vector<Series> BuildSeries(const std::vector<Event>& events, const SeriesOptions& options);
SeverityMix ComputeSeverity(const std::vector<Event>& events);

// ---------------------------------------------------------------------------------------------
// Change points: one-sided Poisson CUSUM for an increase of the rate by `ratio`, baseline from a
// training window, threshold h chosen so that the in-control average run length is `arl0_days`
// (Brook–Evans Markov-chain approximation, solved exactly on a fine grid).

struct CusumOptions {
  int training_buckets = 28;       // baseline = mean count of the first training buckets
  double ratio = 2.0;              // shift to detect quickly: λ1 = ratio · λ0
  double arl0_days = 730;          // in-control ARL (days between false alarms); sets h
  double min_rate_per_day = 0.05;  // floor for λ0 (sparse news series)
};

struct ChangePoint {
  std::string series;      // series key
  Date change;             // estimated start of the shift (bucket start after S was last 0)
  Date alarm;              // bucket in which S crossed h
  int delay_buckets = 0;   // alarm − change, in buckets
  double rate_before = 0;  // λ0 per bucket
  double rate_after = 0;   // mean count per bucket from change to alarm
  double ratio = 0;        // rate_after / rate_before
  double statistic = 0;    // S at the alarm
  double threshold = 0;    // h
};

// Threshold h for a Poisson CUSUM with baseline λ0 (per bucket) and shift `ratio`, so that the
// average run length in control is `arl0_buckets`.
double CusumThreshold(double lambda0, double ratio, double arl0_buckets);
// The in-control ARL of that CUSUM for a given h (Markov-chain approximation).
double CusumArl(double lambda0, double ratio, double h);

std::vector<ChangePoint> DetectChangePoints(const Series& series, const CusumOptions& options);
// The same on raw counts (bucket 0 = `start`, `bucket_days` days a bucket).
std::vector<ChangePoint> DetectChangePoints(const std::vector<int>& counts, Date start,
                                            int bucket_days, const std::string& key,
                                            const CusumOptions& options);

// ---------------------------------------------------------------------------------------------
// Action–reaction. Conflict events (quad 3/4) become points on directed dyads; a dyad pair
// (A>B, B>A) with conflict in both directions is "opposed".

enum class UnknownSource {
  kDrop,  // events with no source are left out
  // Attack on X with no source: attributed to the actor X most recently hit (with a named
  // source, 1 to attribution_days days before), preferring one hit in the attack's country.
  kLastAttacked,
};
std::optional<UnknownSource> ParseUnknownSource(const std::string& name);  // drop, last-attacked

struct DyadOptions {
  UnknownSource unknown_source = UnknownSource::kLastAttacked;
  int attribution_days = 30;  // how far back "most recently hit" may look
};

// A conflict event as a point of the dyad process.
struct DyadEvent {
  std::string event_id;
  std::string dyad;    // "SRC>TGT" after attribution
  std::string source;  // actor keys
  std::string target;
  Date date;
  double time = 0;          // days since the first event's day (+0.5: mid-day)
  bool attributed = false;  // source filled in by the UnknownSource rule
  int fatalities = 0;
  double goldstein = 0;
};
std::vector<DyadEvent> ToDyadEvents(const std::vector<Event>& events, const DyadOptions& options);

struct ChainOptions {
  DyadOptions dyads;
  int window_days = 14;  // B>A within this many days after A>B is a response
};

struct ChainLink {
  std::string cause_id;     // the A>B event
  std::string response_id;  // the B>A event
  Date cause_date;
  Date response_date;
  int lag_days = 0;
  double strength = 0;             // in (0,1]: exp(−lag/window) × (1 if quad 4 else 0.5)
  std::optional<double> hawkes_p;  // P(response triggered by cause), when a model was fitted
};

struct RetaliationChain {
  std::string actor_a, actor_b;        // actor_a opened the chain
  std::vector<std::string> event_ids;  // in time order, alternating sides
  std::vector<ChainLink> links;
  Date begin, end;
  double strength = 0;  // mean link strength × number of links
};
std::vector<RetaliationChain> FindRetaliationChains(const std::vector<Event>& events,
                                                    const ChainOptions& options);

// ---------------------------------------------------------------------------------------------
// Multivariate Hawkes process with exponential kernels:
//   λ_u(t) = μ_u + Σ_{t_j < t} α_{u,v_j} β exp(−β (t − t_j))
// α_{uv} is the branching ratio (expected u-events triggered by one v-event). Fitted by EM
// (Veen & Schoenberg 2008 style) with β fitted by EM too, or fixed.

struct HawkesPoint {
  double time = 0;
  int dim = 0;
};

struct HawkesParams {
  std::vector<double> mu;                  // per day
  std::vector<std::vector<double>> alpha;  // alpha[u][v]: v excites u
  double beta = 1.0 / 7;                   // per day
};

struct HawkesOptions {
  std::optional<double> fixed_beta;  // default: fitted when ≥ 50 points, else 1/7 per day
  double default_beta = 1.0 / 7;
  int max_iterations = 500;
  double tolerance = 1e-7;      // relative change of the log-likelihood
  double kernel_cutoff = 1e-6;  // ignore parents whose kernel weight fell below this
  double min_beta = 1.0 / 90;   // a fitted decay stays in [min_beta, max_beta]
  double max_beta = 24;
  // mask[u][v] == 0: v cannot excite u (a structural zero EM keeps). Empty: all allowed.
  std::vector<std::vector<int>> excitation_mask;
};

struct HawkesFitResult {
  HawkesParams params;
  double log_likelihood = 0;
  int iterations = 0;
  double horizon = 0;  // T: observation window [0, T]
  // For each point, in input order: P(background) and the most likely parent (−1: none).
  std::vector<double> p_background;
  std::vector<int> best_parent;
  std::vector<double> p_best_parent;
  double spectral_radius = 0;  // of alpha; < 1 is a stationary process
};

Result<HawkesFitResult> FitHawkes(const std::vector<HawkesPoint>& points, int dims, double horizon,
                                  const HawkesOptions& options);
double HawkesLogLikelihood(const std::vector<HawkesPoint>& points, const HawkesParams& params,
                           double horizon);
// Ogata thinning on [0, horizon]; deterministic for a seed. `history` (times < 0 allowed, i.e.
// before the window) contributes excitation but is not returned.
std::vector<HawkesPoint> SimulateHawkes(const HawkesParams& params, double horizon, uint64_t seed,
                                        const std::vector<HawkesPoint>& history = {},
                                        double start = 0);
// The excitation per dimension that `history` leaves at `start`, and the simulation from it
// (for many runs of one history: it is summed once, not once a run).
std::vector<double> HawkesExcitationAt(const HawkesParams& params,
                                       const std::vector<HawkesPoint>& history, double start);
std::vector<HawkesPoint> SimulateHawkesFrom(const HawkesParams& params, double horizon,
                                            uint64_t seed, std::vector<double> excitation,
                                            double start);

// The fitted dyad model: one dimension per dyad.
struct DyadModelOptions {
  DyadOptions dyads;
  HawkesOptions hawkes;
  size_t max_dyads = 24;  // the dyads with most events; others are left out
  // Which dyads may excite which. kPair (default): A>B only by A>B and B>A — action and
  // reaction; kSharedActor: also by dyads sharing an actor (A>C, C>B, …); kAll: any. With
  // news-sized data a wider coupling is not identifiable and links unrelated conflicts.
  enum class Coupling { kPair, kSharedActor, kAll };
  Coupling coupling = Coupling::kPair;
  std::optional<Date> as_of;  // end of the observation window (default: last event day)
};

struct Trigger {
  std::string event_id;
  std::string dyad;
  Date date;
  double p_background = 1;
  std::string parent_id;  // most likely triggering event ("" when background wins)
  std::string parent_dyad;
  Date parent_date;
  double p_parent = 0;
};

struct DyadModel {
  std::vector<std::string> dyads;
  Date origin;  // time 0 = origin (mid-day offsets)
  Date as_of;
  HawkesFitResult fit;
  std::vector<DyadEvent> points;  // the modelled events, time order
  std::vector<Trigger> triggers;  // one per point
};
Result<DyadModel> FitDyadModel(const std::vector<Event>& events, const DyadModelOptions& options);
// P(response was triggered by cause) under the fitted model; nullopt when either is not modelled.
std::optional<double> TriggerProbability(const DyadModel& model, const std::string& cause_id,
                                         const std::string& response_id);
// The same for many pairs of one model: events are found through an index and the intensity
// at each response is summed once (a store of 100k events has thousands of chain links).
class TriggerScorer {
 public:
  explicit TriggerScorer(const DyadModel& model);
  std::optional<double> operator()(const std::string& cause_id, const std::string& response_id);

 private:
  const DyadModel& model_;
  std::unordered_map<std::string, size_t> point_of_;  // event id → its first point
  std::vector<int> dim_of_;                           // dyad dimension of each point
  std::unordered_map<size_t, double> rate_at_;        // response point → intensity there
};

// ---------------------------------------------------------------------------------------------
// Forecasts: simulate the fitted process forward from its state at as_of; quantiles of the
// simulated counts per dyad.

struct ForecastOptions {
  std::vector<int> horizons_days = {7, 30};
  int simulations = 2000;
  double level = 0.8;  // central interval
  uint64_t seed = 20210707;
  // A fit whose excitation matrix has spectral radius ≥ 1 is explosive (typical of a handful
  // of events); it is simulated with α scaled down to this radius.
  double max_spectral_radius = 0.9;
};

struct DyadForecast {
  std::string dyad;
  int horizon_days = 0;
  double mean = 0;
  int lower = 0;        // (1−level)/2 quantile
  int upper = 0;        // (1+level)/2 quantile
  double p_any = 0;     // P(at least one event)
  bool damped = false;  // α was scaled down to max_spectral_radius for the simulation
};
std::vector<DyadForecast> Forecast(const DyadModel& model, const ForecastOptions& options);

struct BacktestOptions {
  DyadModelOptions model;
  ForecastOptions forecast;  // only the first horizon is scored
  int min_training_days = 60;
  int step_days = 0;  // 0: = horizon
};

struct BacktestResult {
  int horizon_days = 0;
  int origins = 0;                 // forecast origins tried
  int cases = 0;                   // (origin, dyad) pairs scored
  double coverage = 0;             // share of cases whose count fell in [lower, upper]
  double mean_absolute_error = 0;  // |mean − actual|
  double naive_mae = 0;            // MAE of "same as the last horizon" for comparison
};
BacktestResult Backtest(const std::vector<Event>& events, const BacktestOptions& options);

// ---------------------------------------------------------------------------------------------
// Alerts: per dyad and per area (location country, and country/admin1), a level with reasons.

enum class Level { kGreen = 0, kYellow = 1, kOrange = 2, kRed = 3 };
std::string LevelName(Level l);

struct Reason {
  std::string kind;  // change_point, intensity, forecast, lethality, retaliation
  Level level = Level::kGreen;
  std::string text;  // one sentence a person can check
};

struct Alert {
  std::string scope;  // "dyad" or "area"
  std::string key;    // "USA>IRQ", "IRQ", "IRQ/Erbil"
  Level level = Level::kGreen;
  std::vector<Reason> reasons;
  int recent_events = 0;  // in the last recent_days
  double recent_intensity = 0;
  int recent_fatalities = 0;
  double baseline_intensity = 0;  // same-length window mean over the baseline period
};

struct AlertOptions {
  std::optional<Date> as_of;  // default: last event day
  int recent_days = 14;
  int baseline_days = 90;  // before the recent window
  CusumOptions cusum;
  ChainOptions chains;
  DyadModelOptions model;
  ForecastOptions forecast;
  double intensity_yellow = 2.0;  // recent / baseline intensity ratios
  double intensity_orange = 4.0;
  double intensity_floor = 5.0;  // baseline floor: half of one −10 (material conflict) event
  int fatalities_red = 10;
  double change_ratio_red = 5.0;  // change point with rate_after / rate_before at least this
  int chain_links_red = 3;        // a chain with this many links, one of them recent
  bool with_forecast = true;
};

struct AlertReport {
  Date as_of;
  std::vector<Alert> alerts;  // dyads then areas, highest level first
  std::vector<RetaliationChain> chains;
  std::vector<ChangePoint> change_points;
  std::vector<DyadForecast> forecasts;
};
AlertReport ComputeAlerts(const std::vector<Event>& events, const AlertOptions& options);

// ---------------------------------------------------------------------------------------------
// SVG chart of series (bars for one series, lines for several) with change points marked.

struct SvgOptions {
  std::string title = "sitrep: events";
  int width = 900;
  int height = 420;
};
std::string RenderSvg(const std::vector<Series>& series, const std::vector<ChangePoint>& alarms,
                      const SvgOptions& options);

// ---------------------------------------------------------------------------------------------
// JSON (nlohmann) of every result.

nlohmann::json ToJson(const SeverityMix& m);
nlohmann::json ToJson(const Series& s);
nlohmann::json ToJson(const ChangePoint& c);
nlohmann::json ToJson(const ChainLink& l);
nlohmann::json ToJson(const RetaliationChain& c);
nlohmann::json ToJson(const Trigger& t);
nlohmann::json ToJson(const DyadModel& m);  // dyads, mu, alpha (excitation matrix), triggers
nlohmann::json ToJson(const DyadForecast& f);
nlohmann::json ToJson(const BacktestResult& b);
nlohmann::json ToJson(const Reason& r);
nlohmann::json ToJson(const Alert& a);
nlohmann::json ToJson(const AlertReport& r);

}  // namespace sitrep::analyze
