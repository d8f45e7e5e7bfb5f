-- An error inside a generic-for iterator: "in for iterator 'for iterator'".
local function iter(s, c)
  if c == 2 then
    error("iterator failed at " .. c)
  end
  return c + 1
end

for i in iter, nil, 0 do
  local _ = i
end
