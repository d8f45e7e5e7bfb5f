-- Runs Lua snippets under a line hook and prints what a debugger, a profiler
-- or a coverage tool sees (used by line-events*.lua, whose expected output is
-- Lua 5.4.8's): for each snippet its line events as "linedefined:line/n" (the
-- function, by the line where it is defined, the new line, and how many
-- named local variables debug.getlocal sees there), its results or error,
-- and the active lines (debug.getinfo(f, "L").activelines) of each function
-- of the snippet that ran.
local M = {}

-- Values that print the same in any engine (no addresses).
local function show(v)
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t == "number" or t == "boolean" or t == "nil" then return tostring(v) end
  return t
end

local function pack(...) return {n = select("#", ...), ...} end

function M.run(name, source)
  local chunk, err = load(source, "=" .. name)
  if not chunk then
    print(name .. " does not compile: " .. err)
    return
  end
  local events, defined, order = {}, {}, {}
  debug.sethook(function(_, line)
    local info = debug.getinfo(2, "Sf")
    if info.source ~= "=" .. name then return end
    if not defined[info.func] then
      defined[info.func] = info.linedefined
      order[#order + 1] = info.func
    end
    local named = 0
    for i = 1, 255 do
      local n = debug.getlocal(2, i)
      if not n then break end
      if n:sub(1, 1) ~= "(" then named = named + 1 end
    end
    events[#events + 1] = info.linedefined .. ":" .. tostring(line) .. "/" .. named
  end, "l")
  local r = pack(pcall(chunk))
  debug.sethook()
  local results = {}
  for i = 2, r.n do results[#results + 1] = show(r[i]) end
  print(name .. " " .. table.concat(events, " "))
  print("  " .. (r[1] and "returns " or "fails ") .. table.concat(results, ", "))
  for _, f in ipairs(order) do
    local lines = {}
    for l in pairs(debug.getinfo(f, "L").activelines) do lines[#lines + 1] = l end
    table.sort(lines)
    print("  active " .. defined[f] .. ": " .. table.concat(lines, ","))
  end
end

return M
