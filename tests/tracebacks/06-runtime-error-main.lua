-- A runtime error (not a call to error) directly in the main chunk.
local config = {}
local x = 1
x = x + 1
local port = config.server.port
print(port)
