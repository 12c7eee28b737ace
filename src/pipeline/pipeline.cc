#include "pipeline/pipeline.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace sitrep {

Result<std::unique_ptr<Pipeline>> Pipeline::Open(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->options_ = options;
  auto geocoder = Geocoder::Open(options.gazetteer);
  if (!geocoder) return Error{geocoder.error()};
  p->geocoder_ = std::move(geocoder.value());
  auto coder = options.dictionaries.empty() ? OpenCoder() : OpenPetrarchCoder(options.dictionaries);
  if (!coder) return Error{coder.error()};
  p->coder_ = std::move(coder.value());
  return p;
}

std::string UndatedEventsWarning(const CodedArticle& coded) {
  if (coded.article.published) return "";
  size_t undated = 0;
  for (const Event& e : coded.events) undated += e.date.begin.days() == 0 ? 1 : 0;
  if (undated == 0) return "";
  const Article& a = coded.article;
  return (a.origin.empty() ? a.id : a.origin) + ": no publication date found, so " +
         std::to_string(undated) + " event" + (undated == 1 ? "" : "s") +
         " the text does not date carr" + (undated == 1 ? "ies" : "y") +
         " 1970-01-01; pass --published YYYY-MM-DD";
}

std::vector<Event> Pipeline::Code(const Article& article, size_t* sentences) const {
  AnalyzedText text = Analyze(article.body, article.published);
  if (sentences) *sentences = text.sentences.size();
  ArticlePlaces places = geocoder_->Locate(article.body, text);
  return coder_->Code(article, text, places);
}

namespace {

// A bounded multi-producer multi-consumer queue; Close() lets consumers drain and stop.
template <class T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  void Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  std::optional<T> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace

void Pipeline::Run(const std::vector<std::string>& paths,
                   const std::function<void(Result<CodedArticle>)>& sink) const {
  auto code_one = [this](Result<Article> article) -> Result<CodedArticle> {
    if (!article) return Error{article.error()};
    CodedArticle out{std::move(article.value()), {}, 0};
    out.events = Code(out.article, &out.sentences);
    return out;
  };
  if (options_.threads <= 1) {
    ReadArticles(paths, options_.read, [&](Result<Article> a) { sink(code_one(std::move(a))); });
    return;
  }
  // Reader → work queue → workers → reorder buffer → sink, in input order. The reorder buffer
  // is bounded too: the reader waits when workers run too far ahead of the slowest article.
  struct Job {
    size_t seq;
    Result<Article> article;
  };
  const size_t window = static_cast<size_t>(options_.threads) * 4;
  BoundedQueue<Job> jobs(window);
  std::mutex done_mu;
  std::condition_variable done_cv;
  std::map<size_t, Result<CodedArticle>> done;
  size_t next_out = 0;
  size_t produced = 0;
  bool reading = true;

  std::vector<std::thread> workers;
  for (int i = 0; i < options_.threads; ++i)
    workers.emplace_back([&] {
      while (auto job = jobs.Pop()) {
        Result<CodedArticle> r = code_one(std::move(job->article));
        std::lock_guard lock(done_mu);
        done.emplace(job->seq, std::move(r));
        done_cv.notify_all();
      }
    });
  std::thread reader([&] {
    ReadArticles(paths, options_.read, [&](Result<Article> a) {
      {
        std::unique_lock lock(done_mu);
        done_cv.wait(lock, [&] { return produced - next_out < 2 * window; });
      }
      size_t seq;
      {
        std::lock_guard lock(done_mu);
        seq = produced++;
      }
      jobs.Push(Job{seq, std::move(a)});
    });
    jobs.Close();
    std::lock_guard lock(done_mu);
    reading = false;
    done_cv.notify_all();
  });
  // The calling thread delivers results in order.
  for (;;) {
    std::unique_lock lock(done_mu);
    done_cv.wait(lock, [&] { return done.count(next_out) || (!reading && next_out == produced); });
    if (!done.count(next_out)) break;
    auto node = done.extract(next_out);
    ++next_out;
    done_cv.notify_all();
    lock.unlock();
    sink(std::move(node.mapped()));
  }
  reader.join();
  for (auto& w : workers) w.join();
}

}  // namespace sitrep
