#include "store/batch_prep.h"

#include <cstdio>
#include <string>
#include <system_error>
#include <unordered_set>

#include "base/hash.h"
#include "store/migrations.h"

namespace sitrep::store {
namespace {

// Below this many articles a batch is prepared on the writer's thread: starting a thread
// costs more than the work it would take over.
constexpr size_t kThreadedBatch = 16;

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string_view ViewOf(const SqlValue& v) {
  if (auto* view = std::get_if<std::string_view>(&v)) return *view;
  if (auto* text = std::get_if<std::string>(&v)) return *text;
  return {};
}

// Text that lives in the batch is viewed; text computed here is owned by the value.
SqlValue ViewOr(const std::string& in_batch, std::string computed) {
  return in_batch.empty() ? SqlValue(std::move(computed)) : TextView(in_batch);
}

PreparedReport PrepareReport(const SqlValue& article_id, const Event& e, size_t index) {
  PreparedReport r;
  r.key = KeyOf(e);
  std::string computed_id;
  if (e.id.empty())
    computed_id = Hex64(Fnv1a64(std::string(ViewOf(article_id)) + ":" +
                                std::to_string(e.evidence.start) + ":" + std::to_string(index)));
  r.report_row.reserve(kReportRowCapacity);
  r.report_row.assign({Null(), article_id, ViewOr(e.id, std::move(computed_id)),
                       TextView(e.evidence.sentence), Int(static_cast<int64_t>(e.evidence.start)),
                       Int(static_cast<int64_t>(e.evidence.end)), IntOrNull(e.fatalities),
                       IntOrNull(e.injuries), SqlValue(StoredRecord(e, r.key.root))});
  static const std::string kIdSetByWriter;  // the row views it: it must outlive the row
  r.event_row =
      EventRowParams(kIdSetByWriter, e, EventRowCounts{0, 1, 1, e.fatalities, e.injuries});
  return r;
}

}  // namespace

std::vector<SqlValue> EventRowParams(const std::string& id, const Event& e,
                                     const EventRowCounts& c) {
  auto actor = [](const std::optional<Actor>& a, std::string Actor::*field) {
    return a ? TextViewOrNull((*a).*field) : Null();
  };
  auto optional = [](const std::optional<std::string>& text) {
    return text ? TextViewOrNull(*text) : Null();
  };
  const auto& l = e.location;
  return {TextView(id),
          Int(e.date.begin.days()),
          Int(e.date.end.days()),
          Text(RootOf(e)),
          TextView(e.cameo),
          Int(e.quad_class),
          Real(e.goldstein),
          actor(e.source, &Actor::code),
          actor(e.source, &Actor::country),
          actor(e.source, &Actor::text),
          actor(e.target, &Actor::code),
          actor(e.target, &Actor::country),
          actor(e.target, &Actor::text),
          optional(e.acled_type),
          optional(e.acled_subtype),
          l ? TextView(l->text) : Null(),
          l ? TextViewOrNull(l->country) : Null(),
          l ? TextViewOrNull(l->precision) : Null(),
          l ? Real(l->lat) : Null(),
          l ? Real(l->lon) : Null(),
          IntOrNull(c.fatalities),
          IntOrNull(c.injuries),
          Int(c.num_sources),
          Int(c.num_articles),
          Int(c.primary_report)};
}

std::string StoredRecord(const Event& e, const std::string& root) {
  Event bare;
  bare.date = e.date;
  bare.source = e.source;
  bare.target = e.target;
  bare.cameo = e.cameo;
  bare.root = root;
  bare.quad_class = e.quad_class;
  bare.goldstein = e.goldstein;
  bare.acled_type = e.acled_type;
  bare.acled_subtype = e.acled_subtype;
  bare.location = e.location;
  bare.weapon = e.weapon;
  bare.attributed_to = e.attributed_to;
  bare.confidence = e.confidence;
  std::string record;
  record.reserve(512);  // most records fit: no regrowing as it is written
  AppendCompactJson(bare, record);
  return record;
}

std::string_view PreparedReport::report_id() const {
  return ViewOf(report_row[kReportRowReportId]);
}

std::string_view PreparedArticle::id() const {
  return ViewOf(row[10]);
}

std::string_view PreparedArticle::content_hash() const {
  return ViewOf(row[9]);
}

PreparedArticle PrepareArticle(const Article& a, const std::vector<Event>& events) {
  PreparedArticle p;
  std::string hash = a.content_hash.empty() ? Sha256Hex(a.body) : "";
  std::string id = a.id.empty() ? (a.content_hash.empty() ? hash : a.content_hash) : "";
  p.row = {TextView(a.title),
           TextView(a.author),
           TextView(a.outlet),
           TextView(a.url),
           a.published ? Text(a.published->Iso()) : Null(),
           TextView(a.body),
           TextView(a.origin),
           TextView(a.format),
           Text(NowUtc()),
           ViewOr(a.content_hash, std::move(hash)),
           ViewOr(a.id, std::move(id))};
  // Each report views the article id in the batch, or owns a copy of the one made up here.
  SqlValue article_id = a.id.empty() ? Text(p.id()) : TextView(a.id);
  p.reports.reserve(events.size());
  // A report id that comes twice in one article (the coder gave an id twice, or gave one that
  // equals an id made up here) is one report: the first is kept.
  std::unordered_set<std::string> seen;
  seen.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    PreparedReport report = PrepareReport(article_id, events[i], i);
    if (seen.emplace(report.report_id()).second) p.reports.push_back(std::move(report));
  }
  return p;
}

BatchPreparer::BatchPreparer(const ArticleBatch& batch) : batch_(batch), prepared_(batch.size()) {
  if (batch.size() >= kThreadedBatch) {
    try {
      thread_ = std::thread([this] {
        Prepare();
        FreeDone();
      });
      return;
    } catch (const std::system_error&) {  // no thread to be had: prepare here instead
    }
  }
  Prepare();
}

BatchPreparer::~BatchPreparer() {
  if (!thread_.joinable()) return;
  done_.store(kClosing, std::memory_order_release);
  done_.notify_one();
  thread_.join();
}

void BatchPreparer::Prepare() noexcept {
  for (size_t i = 0; i < batch_.size(); ++i) {
    try {
      prepared_[i] = PrepareArticle(batch_[i].first, batch_[i].second);
    } catch (const std::exception& e) {
      failed_at_ = i;
      failure_ = std::string("preparing the batch: ") + e.what();
      ready_.store(batch_.size(), std::memory_order_release);
      ready_.notify_one();
      return;
    }
    ready_.store(i + 1, std::memory_order_release);
    ready_.notify_one();
  }
}

// Frees in runs of articles: a wake-up per article would cost the writer more than freeing.
constexpr size_t kFreeRun = 64;

void BatchPreparer::Done(size_t i) {
  if (!thread_.joinable()) return;  // prepared here: freed with the preparer
  done_.store(i + 1, std::memory_order_release);
  if ((i + 1) % kFreeRun == 0 || i + 1 == prepared_.size()) done_.notify_one();
}

void BatchPreparer::FreeDone() noexcept {
  size_t freed = 0;
  for (;;) {
    size_t done = done_.load(std::memory_order_acquire);
    while (done < kClosing && done < freed + kFreeRun && done < prepared_.size()) {
      done_.wait(done, std::memory_order_acquire);
      done = done_.load(std::memory_order_acquire);
    }
    if (done == kClosing) return;  // the rest goes with the preparer
    for (; freed < done; ++freed) prepared_[freed] = PreparedArticle();
    if (freed == prepared_.size()) return;
  }
}

Result<PreparedArticle*> BatchPreparer::Get(size_t i) {
  size_t ready = ready_.load(std::memory_order_acquire);
  while (ready <= i) {
    ready_.wait(ready, std::memory_order_acquire);
    ready = ready_.load(std::memory_order_acquire);
  }
  if (i >= failed_at_) return Error{failure_};
  return &prepared_[i];
}

}  // namespace sitrep::store
