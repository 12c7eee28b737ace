-- wrk script for bench/load-serve: every request is a different event query (a random page,
-- month, country or place), so the server's answer cache seldom helps and the store answers.
-- Four shapes in turn: a page of all events, a month, a country's page, 50 km around a point.
local countries = {"IRQ", "SYR", "USA", "ISR", "PSE", "UKR", "RUS", "YEM", "SAU", "IRN",
                   "AFG", "PAK", "NGA", "SDN", "LBN", "LBY", "SOM", "ETH", "TUR", "MLI"}
local n = 0

function init(args)
  math.randomseed(os.time() + (tonumber(wrk.thread and tostring(wrk.thread):match("0x(%x+)") or "0", 16) or 0))
end

function request()
  n = n + 1
  local shape = n % 4
  local path
  if shape == 0 then
    path = "/api/events?limit=50&offset=" .. math.random(0, 20000)
  elseif shape == 1 then
    local m = math.random(1, 12)
    path = string.format("/api/events?from=2021-%02d-%02d&to=2021-%02d-28&limit=50", m,
                         math.random(1, 27), m)
  elseif shape == 2 then
    path = "/api/events?country=" .. countries[math.random(#countries)] ..
           "&limit=50&offset=" .. math.random(0, 500)
  else
    path = string.format("/api/events?near=%.3f,%.3f,50&limit=50", 29 + math.random() * 10,
                         35 + math.random() * 20)
  end
  return wrk.format("GET", path)
end
