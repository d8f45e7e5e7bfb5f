-- A table with __name (but no __tostring) as the error object: the message uses
-- the basic type name, not __name.
error(setmetatable({}, {__name = "MyError"}))
