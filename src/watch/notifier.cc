#include "watch/notifier.h"

#include <curl/curl.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

using nlohmann::json;

json StateJson(const AlertState& s) {
  return {{"key", s.key},
          {"level", std::string(AlertLevelName(s.level))},
          {"reasons", s.reasons},
          {"events", s.event_ids},
          {"last_change_point", s.last_change_point.empty() ? json(nullptr) : json(s.last_change_point)}};
}

size_t Discard(char*, size_t size, size_t n, void*) { return size * n; }

Status PostJson(const std::string& url, const std::string& body, int retries, int backoff_ms) {
  std::string last_error;
  for (int attempt = 0; attempt <= retries; ++attempt) {
    if (attempt) std::this_thread::sleep_for(std::chrono::milliseconds(backoff_ms << (attempt - 1)));
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return Error{"webhook " + url + ": cannot start an HTTP client"};
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 10'000L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Discard);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    if (rc == CURLE_OK && status >= 200 && status < 300) return OkStatus();
    last_error = rc != CURLE_OK ? curl_easy_strerror(rc) : "HTTP " + std::to_string(status);
    if (rc == CURLE_OK && status >= 400 && status < 500 && status != 429) break;  // won't improve
  }
  return Error{"webhook " + url + ": " + last_error};
}

Status RunCommand(const std::string& command, const std::string& body) {
  FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) return Error{"notify command '" + command + "': cannot start it"};
  std::fwrite(body.data(), 1, body.size(), pipe);
  std::fputc('\n', pipe);
  int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Error{"notify command '" + command + "' failed (status " + std::to_string(status) + ")"};
  return OkStatus();
}

}  // namespace

std::string_view AlertLevelName(int level) {
  static const char* kNames[] = {"green", "yellow", "orange", "red"};
  return kNames[level < 0 ? 0 : level > 3 ? 3 : level];
}

std::string Notification::Json() const {
  json j = {{"kind", kind},
            {"key", current.key},
            {"from", std::string(AlertLevelName(previous.level))},
            {"to", std::string(AlertLevelName(current.level))},
            {"why", current.reasons},
            {"events", current.event_ids},
            {"previous", StateJson(previous)},
            {"current", StateJson(current)}};
  json links = json::array();
  for (const std::string& id : current.event_ids) links.push_back("/api/events/" + id);
  j["links"] = links;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<Notification> CompareAlerts(const std::vector<AlertState>& previous,
                                        const std::vector<AlertState>& current) {
  std::map<std::string, const AlertState*> before;
  for (const AlertState& s : previous) before[s.key] = &s;
  std::vector<Notification> out;
  for (const AlertState& now : current) {
    AlertState was;
    was.key = now.key;
    if (auto it = before.find(now.key); it != before.end()) was = *it->second;
    if (now.level > was.level) {
      out.push_back({"alert_rising", was, now});
    } else if (!now.last_change_point.empty() && now.last_change_point != was.last_change_point) {
      out.push_back({"change_point", was, now});
    }
  }
  return out;
}

Status Notify(const Notification& n, const NotifyTargets& targets) {
  std::string body = n.Json();
  std::string failures;
  if (targets.stream) *targets.stream << body << '\n' << std::flush;
  if (!targets.webhook_url.empty()) {
    Status s = PostJson(targets.webhook_url, body, targets.webhook_retries, targets.webhook_backoff_ms);
    if (!s) failures += s.error();
  }
  if (!targets.command.empty()) {
    Status s = RunCommand(targets.command, body);
    if (!s) failures += (failures.empty() ? "" : "; ") + s.error();
  }
  if (!failures.empty()) return Error{failures};
  return OkStatus();
}

std::string EncodeAlertStates(const std::vector<AlertState>& states) {
  json j = json::array();
  for (const AlertState& s : states)
    j.push_back({{"key", s.key}, {"level", s.level}, {"cp", s.last_change_point}});
  return j.dump();
}

std::vector<AlertState> DecodeAlertStates(std::string_view text) {
  std::vector<AlertState> out;
  json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const json& s : j) {
    if (!s.is_object()) continue;
    AlertState a;
    a.key = s.value("key", "");
    a.level = s.value("level", 0);
    a.last_change_point = s.value("cp", "");
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace sitrep
