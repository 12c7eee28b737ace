// Notifications of rising alerts: JSON lines to a stream, a JSON POST to a webhook (with
// retries), and a command that gets the JSON on its standard input.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "base/result.h"

namespace sitrep {

// The state of one alert series (a dyad or an area) as the watcher compares it across rounds.
struct AlertState {
  std::string key;    // e.g. "dyad:USA>IRQ" or "area:IRQ/Anbar"
  int level = 0;      // 0 green, 1 yellow, 2 orange, 3 red
  std::vector<std::string> reasons;
  std::vector<std::string> event_ids;  // the events behind the level
  std::string last_change_point;       // date (or id) of the newest change point, "" if none
};

std::string_view AlertLevelName(int level);

struct Notification {
  std::string kind;  // "alert_rising" or "change_point"
  AlertState previous;
  AlertState current;
  std::string Json() const;  // one line, no trailing newline
};

// Which notifications `current` warrants against `previous` (matched by key; a key seen for
// the first time counts as green with no change point).
std::vector<Notification> CompareAlerts(const std::vector<AlertState>& previous,
                                        const std::vector<AlertState>& current);

struct NotifyTargets {
  std::ostream* stream = nullptr;  // JSON lines; nullptr: none
  std::string webhook_url;
  std::string command;
  int webhook_retries = 3;
  int webhook_backoff_ms = 500;
};

// Sends one notification everywhere asked; the error names the targets that failed.
Status Notify(const Notification& n, const NotifyTargets& targets);

// Serialized alert states, as the watcher keeps them in the store between rounds.
std::string EncodeAlertStates(const std::vector<AlertState>& states);
std::vector<AlertState> DecodeAlertStates(std::string_view text);

}  // namespace sitrep
