-- wrk script for bench/login-flood.sh: wrong passwords, as fast as the server answers.
--
--   wrk -t2 -c64 -d20s -s bench/wrk/login-flood.lua http://127.0.0.1:8080 -- one-address
--   wrk -t2 -c64 -d20s -s bench/wrk/login-flood.lua http://127.0.0.1:8080 -- many-addresses
--
-- Every request is GET /library/api/me with HTTP Basic: a random user name of the demo data's
-- shape (m000100-m000999, some of which exist) and a random wrong password. "many-addresses" adds
-- X-Forwarded-For with a random address of 203.0.113.0/24, which the server honours only from a
-- proxy it trusts (the benchmark starts it trusting 127.0.0.1).
--
-- done() prints: FLOOD requests=N rps=R s401=N s429=N s503=N s5xx_other=N other=N

local counter = 0
local threads = {}

function setup(thread)
   counter = counter + 1
   thread:set("tid", counter)
   table.insert(threads, thread)
end

local mode
s401, s429, s503, s5xx_other, other = 0, 0, 0, 0, 0

local alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

local function word(n)
   local t = {}
   for i = 1, n do
      local k = math.random(1, #alphabet)
      t[i] = alphabet:sub(k, k)
   end
   return table.concat(t)
end

-- base64 for the Basic credentials (wrk's Lua has no library for it)
local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(data)
   return ((data:gsub(".", function(x)
      local r, b = "", x:byte()
      for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
      return r
   end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
      if #x < 6 then return "" end
      local c = 0
      for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
      return b64:sub(c + 1, c + 1)
   end) .. ({ "", "==", "=" })[#data % 3 + 1])
end

function init(args)
   mode = args[1]
   math.randomseed(tid * 104729 + os.time())
end

function request()
   local user = string.format("m%06d", math.random(100, 999))
   local headers = { ["Authorization"] = "Basic " .. base64(user .. ":" .. "wrong-" .. word(12)) }
   if mode == "many-addresses" then
      headers["X-Forwarded-For"] = "203.0.113." .. math.random(1, 254)
   end
   return wrk.format("GET", "/library/api/me", headers)
end

function response(status, headers, body)
   if status == 401 then s401 = s401 + 1
   elseif status == 429 then s429 = s429 + 1
   elseif status == 503 then s503 = s503 + 1
   elseif status >= 500 then s5xx_other = s5xx_other + 1
   else other = other + 1 end
end

function done(summary, latency, requests)
   local t = { s401 = 0, s429 = 0, s503 = 0, s5xx_other = 0, other = 0 }
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
   end
   io.write(string.format("FLOOD requests=%d rps=%.0f s401=%d s429=%d s503=%d s5xx_other=%d other=%d\n",
      summary.requests, summary.requests / (summary.duration / 1e6), t.s401, t.s429, t.s503, t.s5xx_other, t.other))
end
