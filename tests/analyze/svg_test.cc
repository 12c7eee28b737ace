#include <gtest/gtest.h>

#include "analyze/analyze.h"
#include "helpers.h"

namespace sitrep::analyze {
namespace {

using testing::MakeEvent;

std::vector<Series> TwoSeries() {
  Date d = Date::FromYmd(2021, 6, 1);
  std::vector<Event> events;
  for (int i = 0; i < 40; ++i) {
    events.push_back(MakeEvent("a" + std::to_string(i), d + i, "USAMIL", "IRQMIL", "195"));
    if (i > 30) events.push_back(MakeEvent("b" + std::to_string(i), d + i, "", "USA<&>", "190"));
  }
  SeriesOptions o;
  return BuildSeries(events, o);
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(Svg, LinesLegendAxesAndAlarms) {
  auto series = TwoSeries();
  ChangePoint cp;
  cp.series = series[0].key;
  cp.change = series[0].start + 30;
  cp.alarm = series[0].start + 32;
  cp.ratio = 3.5;
  SvgOptions o;
  o.title = "escalation <test>";
  std::string svg = RenderSvg(series, {cp}, o);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("escalation &lt;test&gt;"), std::string::npos);  // escaped title
  EXPECT_EQ(Count(svg, "fill=\"none\" stroke="), 2u);                 // one line per series
  EXPECT_NE(svg.find("USA&gt;IRQ (40)"), std::string::npos);          // legend with totals
  EXPECT_NE(svg.find("?&gt;USA (9)"), std::string::npos);
  EXPECT_NE(svg.find("×3.5"), std::string::npos);              // alarm label
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);  // alarm line
  EXPECT_NE(svg.find("2021-06-01"), std::string::npos);        // x-axis date
  EXPECT_NE(svg.find("change-point alarm"), std::string::npos);
}

TEST(Svg, OneSeriesIsDrawnAsBars) {
  auto series = TwoSeries();
  series.resize(1);
  std::string svg = RenderSvg(series, {}, SvgOptions{});
  EXPECT_EQ(Count(svg, "<rect x="), 40u + 1u);  // 40 bars and one legend swatch
}

TEST(Svg, NoEventsSaysSo) {
  std::string svg = RenderSvg({}, {}, SvgOptions{});
  EXPECT_NE(svg.find("no events"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::analyze
