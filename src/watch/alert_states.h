// The analytics' alerts as the watcher compares them from round to round: one AlertState per
// dyad and area, with the events of its recent window and its newest change point.
#pragma once

#include <vector>

#include "analyze/analyze.h"
#include "store/store.h"
#include "watch/notifier.h"

namespace sitrep {

std::vector<AlertState> ToAlertStates(const analyze::AlertReport& report,
                                      const std::vector<Event>& events, int recent_days);

// Reads the events of the last `lookback_days` before today's newest event from `store` and
// computes the alert states (the AlertSource the `watch` command uses).
Result<std::vector<AlertState>> CurrentAlertStates(Store& store, int lookback_days = 365);

}  // namespace sitrep
