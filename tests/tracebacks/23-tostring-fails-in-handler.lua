-- The error object's __tostring itself raises an error while the interpreter
-- formats the message.
error(setmetatable({}, {__tostring = function() error("inner") end}))
