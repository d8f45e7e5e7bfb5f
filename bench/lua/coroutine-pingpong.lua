-- Coroutines exchanging values: two coroutines that play ping-pong through
-- a driver (each resume passes a value in, each yield passes one out), and
-- a ring of coroutines that hand a token around, one resume per hand-over.
-- Check: the values that come back follow the exchange rules exactly (each
-- player adds its own step), and the token reaches zero in the coroutine
-- whose position the arithmetic predicts.
-- family: coroutines
-- sizes: full 1200000, quick 5000

local create, resume, yield, status = coroutine.create, coroutine.resume, coroutine.yield, coroutine.status

local function check(ok, what)
  if not ok then error(what) end
end

-- A player receives the ball (a number), adds its step and sends it back.
local function player(step)
  return create(function(ball)
    while true do ball = yield(ball + step) end
  end)
end

-- A ring of `size` coroutines passing a token through a driver: each
-- member receives the token and gives back the token minus one, or "done"
-- when it received zero.
local function ring(size)
  local members = {}
  for i = 1, size do
    members[i] = create(function(token)
      while true do
        if token == 0 then token = yield("done") else token = yield(token - 1) end
      end
    end)
  end
  return members
end

-- Passes `token` around the ring from member 1; returns the member that
-- received zero.
local function passToken(members, token)
  local current = 1
  while true do
    local ok, result = resume(members[current], token)
    if not ok then error(result) end
    if result == "done" then return current end
    token = result
    current = current % #members + 1
  end
end

local n = tonumber(arg and arg[1]) or 1200000

-- Ping-pong: n rallies.
local ping, pong = player(1), player(2)
local ball = 0
for _ = 1, n do
  local ok
  ok, ball = resume(ping, ball)
  check(ok, "ping failed")
  ok, ball = resume(pong, ball)
  check(ok, "pong failed")
end
check(ball == 3 * n, "ping-pong: ball " .. ball .. ", expected " .. 3 * n)
check(status(ping) == "suspended" and status(pong) == "suspended", "players should be suspended")

-- The ring: 2n passes in rounds of growing tokens.
local size = 503
local members = ring(size)
local passes, winners, token = 0, 0, 1
while passes < 2 * n do
  local winner = passToken(members, token)
  check(winner == token % size + 1, "ring: winner " .. winner .. " for token " .. token)
  passes = passes + token + 1
  winners = winners + winner
  token = token + 997
end
print(string.format("coroutine-pingpong %d rallies, %d ring passes (winner sum %d)", n, passes, winners))
print("OK")
