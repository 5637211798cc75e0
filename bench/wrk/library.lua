-- wrk script for bench/run.sh: one script, the scenario chosen by the first argument after "--".
--
--   wrk -t2 -c8 -d20s -s bench/wrk/library.lua http://127.0.0.1:8080 -- books
--   wrk -t32 -c32 -d20s -s bench/wrk/library.lua http://127.0.0.1:8080 -- cycle ids-cycle.txt
--
-- Scenarios:
--   status        GET /library/api/status (no database: the ceiling)
--   books         GET /library/api/books?page=P&size=20, P one of the first ten pages (anonymous)
--   search        GET /library/api/books?q=WORD&size=20, WORD rotating over title words and author names
--   member FILE   GET /library/api/members/ID/borrows as staff, ID drawn from FILE (one id a line)
--   cycle FILE    POST /library/api/members/M/borrows {"bookId":B}, then DELETE .../borrows/B, again and
--                 again; line N of FILE ("M B") belongs to thread N. Run it with as many threads as
--                 connections (-t32 -c32), so that each connection is one thread with its own member
--                 and book and borrow and return strictly alternate.
-- Staff requests carry "Authorization: Basic ..." from the environment variable BENCH_AUTH.
--
-- done() prints one machine-readable line, RESULT key=value ..., which run.sh reads.

local API = "/library/api"
local SEARCH = { "lantern", "harbour", "nakamura", "winter", "okafor", "secret garden", "mirror",
                 "lindqvist", "orchard", "storm" }

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("tid", counter)
   table.insert(threads, thread)
end

local mode, ids, member, book, borrowing
local auth = os.getenv("BENCH_AUTH")
-- globals, so that done() can read them with thread:get
n2xx, n4xx, n5xx, n409, other = 0, 0, 0, 0, 0

local function lines(file)
   local list = {}
   for line in io.lines(file) do
      if line:match("%S") then table.insert(list, line) end
   end
   return list
end

function init(args)
   mode = args[1]
   math.randomseed(tid * 7919)
   if mode == "member" then
      ids = lines(args[2])
   elseif mode == "cycle" then
      local all = lines(args[2])
      local m, b = all[tid]:match("(%d+)%s+(%d+)")
      member, book = m, b
      borrowing = true
   end
end

local function staff(headers)
   headers = headers or {}
   headers["Authorization"] = "Basic " .. auth
   return headers
end

function request()
   if mode == "status" then
      return wrk.format("GET", API .. "/status")
   elseif mode == "books" then
      return wrk.format("GET", API .. "/books?page=" .. math.random(0, 9) .. "&size=20")
   elseif mode == "search" then
      local q = SEARCH[math.random(#SEARCH)]:gsub(" ", "%%20")
      return wrk.format("GET", API .. "/books?q=" .. q .. "&size=20")
   elseif mode == "member" then
      return wrk.format("GET", API .. "/members/" .. ids[math.random(#ids)] .. "/borrows", staff())
   elseif mode == "cycle" then
      if borrowing then
         return wrk.format("POST", API .. "/members/" .. member .. "/borrows",
            staff({ ["Content-Type"] = "application/json" }), '{"bookId":' .. book .. '}')
      end
      return wrk.format("DELETE", API .. "/members/" .. member .. "/borrows/" .. book, staff())
   end
   error("unknown scenario " .. tostring(mode))
end

function response(status, headers, body)
   if status == 409 and mode == "cycle" then n409 = n409 + 1 -- see below: not an error here
   elseif status >= 500 then n5xx = n5xx + 1
   elseif status >= 400 then n4xx = n4xx + 1
   elseif status >= 200 and status < 300 then n2xx = n2xx + 1
   else other = other + 1 end
   if mode == "cycle" then
      -- 409 means the member already holds the book (or no longer does), as after the warm-up or
      -- a timed-out request: take the other step; a 503 (a transaction Derby aborted in a lock
      -- cycle) is retried
      if status ~= 503 and (status < 500) then borrowing = not borrowing end
   end
end

function done(summary, latency, requests)
   local s4, s5, s409 = 0, 0, 0
   for _, t in ipairs(threads) do
      s4 = s4 + t:get("n4xx")
      s5 = s5 + t:get("n5xx")
      s409 = s409 + t:get("n409")
   end
   local e = summary.errors
   io.write(string.format("RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d "
         .. "s4xx=%d s5xx=%d resync409=%d socket_errors=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(99), latency.max,
      s4, s5, s409, e.connect + e.read + e.write + e.timeout))
end
