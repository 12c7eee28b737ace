// Helpers for the geo tests: a small gazetteer built in memory from a place table, and the
// real one built at set-up.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "geo/gazetteer.h"
#include "geo/geocoder.h"

namespace sitrep::testing {

// A geocoder over a gazetteer made from `table` (the TSV of ParsePlaceTable).
inline std::unique_ptr<Geocoder> GeocoderFromTable(std::string_view table) {
  auto rows = geo::ParsePlaceTable(table);
  EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error());
  if (!rows.ok()) return nullptr;
  auto g = geo::Gazetteer::FromBytes(geo::BuildGazetteerBytes(*rows));
  EXPECT_TRUE(g.ok()) << (g.ok() ? "" : g.error());
  if (!g.ok()) return nullptr;
  return Geocoder::FromGazetteer(std::move(*g));
}

// The gazetteer scripts/setup builds; nullptr (and a test failure) when it is missing.
inline const Geocoder* RealGeocoder() {
  static auto* geocoder = [] {
    auto g = Geocoder::Open();
    EXPECT_TRUE(g.ok()) << (g.ok() ? "" : g.error());
    return g.ok() ? std::move(*g).release() : nullptr;
  }();
  return geocoder;
}

// A small world: enough namesakes to test variants, ambiguity and false hits.
inline constexpr std::string_view kSmallWorld =
    "# kind\tname\tvariants\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\n"
    "country\tIraq\tRepublic of Iraq\tIRQ\t\t33\t44\t0\tcountry\n"
    "country\tSyria\tSyrian Arab Republic\tSYR\t\t35\t38\t0\tcountry\n"
    "country\tLebanon\t\tLBN\t\t33.83\t35.83\t0\tcountry\n"
    "country\tLibya\t\tLBY\t\t25\t17\t0\tcountry\n"
    "country\tIsrael\t\tISR\t\t31.47\t35.13\t0\tcountry\n"
    "country\tUnited States\tUS|USA|U.S.|United States of America\tUSA\t\t38\t-97\t0\tcountry\n"
    "demonym\tIraqi\tIraqis\tIRQ\t\t33\t44\t0\tdemonym\n"
    "demonym\tSyrian\tSyrians\tSYR\t\t35\t38\t0\tdemonym\n"
    "demonym\tLebanese\t\tLBN\t\t33.83\t35.83\t0\tdemonym\n"
    "demonym\tAmerican\tAmericans\tUSA\t\t38\t-97\t0\tdemonym\n"
    "admin1\tAnbar\tAl Anbar Governorate\tIRQ\tAnbar\t32.56\t41.92\t0\tadmin1\n"
    "admin1\tBabylon\tBabylon Governorate|Babil\tIRQ\tBabylon\t32.47\t44.55\t0\tadmin1\n"
    "admin1\tDhi Qar\tDhi Qar Governorate\tIRQ\tDhi Qar\t31.10\t46.36\t0\tadmin1\n"
    "admin1\tErbil\tErbil Governorate\tIRQ\tErbil\t36.56\t44.39\t0\tadmin1\n"
    "admin1\tNorth\tNorth Governorate\tLBN\tNorth\t34.43\t35.84\t0\tadmin1\n"
    "city\tErbil\tArbil|Hewlêr\tIRQ\tErbil\t36.18\t44.01\t932800\tPPLA\n"
    "city\tBaghdad\t\tIRQ\tBaghdad\t33.34\t44.40\t7216000\tPPLC\n"
    "city\tNasiriyah\t\tIRQ\tDhi Qar\t31.06\t46.26\t400249\tPPLA\n"
    "city\tAd Dīwānīyah\t\tIRQ\tAl-Qadisiyyah\t31.99\t44.93\t318801\tPPLA\n"
    "city\tDeir ez-Zor\tDeir al-Zour|Deir Ezzor\tSYR\tDeir ez-Zor\t35.34\t40.14\t242565\tPPLA\n"
    "city\tTripoli\t\tLBY\tTripoli\t32.89\t13.19\t1150989\tPPLC\n"
    "city\tTripoli\t\tLBN\tNorth\t34.43\t35.84\t229398\tPPLA\n"
    "city\tTripoli\t\tUSA\tIowa\t42.81\t-92.26\t1342\tPPL\n"
    "city\tIsrael\t\tUSA\tMaine\t44.5\t-69.0\t2000\tPPL\n"
    "city\tOf\t\tTUR\tTrabzon\t40.95\t40.26\t22000\tPPLA2\n"
    "city\tSplit\t\tHRV\tSplit-Dalmatia\t43.51\t16.44\t176314\tPPLA\n"
    "city\tMobile\t\tUSA\tAlabama\t30.69\t-88.04\t190000\tPPLA2\n"
    "city\tPolice\t\tPOL\tWest Pomerania\t53.55\t14.57\t33000\tPPL\n"
    "city\tHope\t\tCAN\tBritish Columbia\t49.38\t-121.44\t6000\tPPL\n"
    "city\tBiden\t\tXXX\tNowhere\t1\t1\t20000\tPPL\n"
    "city\tWashington\t\tUSA\tDistrict of Columbia\t38.9\t-77.04\t601723\tPPLC\n"
    "city\tSmallville\t\tSYR\tHoms\t34.5\t36.5\t3000\tPPL\n"
    "city\tSmallville\t\tUSA\tKansas\t38.5\t-98.0\t4000\tPPL\n"
    "site\tAin al-Assad Air Base\tAin al-Asad|Al Asad Airbase|Ayn "
    "al-Asad\tIRQ\tAnbar\t33.80\t42.44\t0"
    "\tairbase\n"
    "site\tErbil International Airport\tErbil airport\tIRQ\tErbil\t36.24\t43.96\t0\tairport\n"
    "site\tAl-Omar oilfield\tal-Omar oil field\tSYR\tDeir ez-Zor\t35.08\t40.66\t0\toilfield\n"
    "site\tGreen Zone\t\tIRQ\tBaghdad\t33.30\t44.39\t0\tdistrict\n"
    "site\tUS Embassy in Baghdad\tU.S. Embassy in Baghdad\tIRQ\tBaghdad\t33.30\t44.39\t0\tembassy\n"
    "region\tIraqi-Syrian border\tSyrian-Iraqi border\tIRQ\tAnbar\t34.40\t41.00\t0\tregion\n"
    "region\tEastern Syria\teastern Syria\tSYR\tDeir ez-Zor\t35.00\t40.20\t0\tregion\n";

}  // namespace sitrep::testing
