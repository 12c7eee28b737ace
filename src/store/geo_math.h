// Great-circle distance, shared by the merge rule and the SQLite --near function.
#pragma once

namespace sitrep::store {

double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace sitrep::store
