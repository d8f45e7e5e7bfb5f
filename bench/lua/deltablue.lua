-- Objects and method calls: an incremental constraint solver after the
-- DeltaBlue algorithm (Freeman-Benson, Maloney and Borning). Variables are
-- linked by constraints of different strengths (required, preferred, ...);
-- adding or removing a constraint re-plans incrementally which constraints
-- are satisfied and in which direction each one computes, so that stronger
-- constraints win; a plan extracted from the graph is then executed
-- repeatedly. Constraint kinds form a class hierarchy with overridden methods.
-- Check: in a chain of equalities the last variable follows edits of the
-- first; in a projection dst = src * scale + offset, editing either side
-- or the scale or offset updates the other side with exact values.
-- family: objects and method calls
-- sizes: full 200, quick 10

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  return c
end

-- Strengths -------------------------------------------------------------------

local Strength = class()

function Strength.new(value, name)
  return setmetatable({ value = value, name = name }, Strength)
end

local REQUIRED = Strength.new(0, "required")
local STRONG_PREFERRED = Strength.new(1, "strongPreferred")
local PREFERRED = Strength.new(2, "preferred")
local STRONG_DEFAULT = Strength.new(3, "strongDefault")
local NORMAL = Strength.new(4, "normal")
local WEAK_DEFAULT = Strength.new(5, "weakDefault")
local WEAKEST = Strength.new(6, "weakest")
local byValue = { [0] = REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST }

local function stronger(a, b) return a.value < b.value end
local function weaker(a, b) return a.value > b.value end
local function weakest(a, b) if weaker(a, b) then return a end return b end

function Strength:nextWeaker()
  return byValue[self.value + 1] or WEAKEST
end

-- Variables -------------------------------------------------------------------

local Variable = class()

function Variable.new(name, value)
  return setmetatable({ name = name, value = value or 0, constraints = {}, determinedBy = nil,
                        mark = 0, walkStrength = WEAKEST, stay = true }, Variable)
end

function Variable:addConstraint(c)
  local list = self.constraints
  list[#list + 1] = c
end

function Variable:removeConstraint(c)
  local list, kept = self.constraints, {}
  for i = 1, #list do
    if list[i] ~= c then kept[#kept + 1] = list[i] end
  end
  self.constraints = kept
  if self.determinedBy == c then self.determinedBy = nil end
end

-- A first-in, first-out list of work (constraints or variables).
local function newQueue() return { first = 1, last = 0 } end
local function push(q, x) q.last = q.last + 1; q[q.last] = x end
local function pop(q)
  local x = q[q.first]
  q[q.first] = nil
  q.first = q.first + 1
  return x
end
local function isEmpty(q) return q.first > q.last end

-- The planner (one per test) ----------------------------------------------------

local Planner = class()
local planner  -- the planner that new constraints join

function Planner.new()
  return setmetatable({ currentMark = 0 }, Planner)
end

function Planner:newMark()
  self.currentMark = self.currentMark + 1
  return self.currentMark
end

-- Satisfies `c` and re-satisfies, in turn, each constraint it overrides.
function Planner:incrementalAdd(c)
  local mark = self:newMark()
  local overridden = c:satisfy(mark)
  while overridden ~= nil do overridden = overridden:satisfy(mark) end
end

-- Removes `c` and tries to satisfy the constraints that depended on it,
-- strongest first.
function Planner:incrementalRemove(c)
  local out = c:output()
  c:markUnsatisfied()
  c:removeFromGraph()
  local unsatisfied = self:removePropagateFrom(out)
  local strength = REQUIRED
  repeat
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then self:incrementalAdd(u) end
    end
    strength = strength:nextWeaker()
  until strength == WEAKEST
end

function Planner:addConstraintsConsumingTo(v, queue)
  local determining = v.determinedBy
  local list = v.constraints
  for i = 1, #list do
    local c = list[i]
    if c ~= determining and c:isSatisfied() then push(queue, c) end
  end
end

-- Recomputes walk strengths and stay flags downstream of `c`; false (and
-- `c` removed again) when that reaches a variable marked in this pass,
-- i.e. a cycle.
function Planner:addPropagate(c, mark)
  local todo = newQueue()
  push(todo, c)
  while not isEmpty(todo) do
    local d = pop(todo)
    if d:output().mark == mark then
      self:incrementalRemove(c)
      return false
    end
    d:recalculate()
    self:addConstraintsConsumingTo(d:output(), todo)
  end
  return true
end

function Planner:removePropagateFrom(out)
  out.determinedBy = nil
  out.walkStrength = WEAKEST
  out.stay = true
  local unsatisfied = {}
  local todo = newQueue()
  push(todo, out)
  while not isEmpty(todo) do
    local v = pop(todo)
    local list = v.constraints
    for i = 1, #list do
      local c = list[i]
      if not c:isSatisfied() then unsatisfied[#unsatisfied + 1] = c end
    end
    local determining = v.determinedBy
    for i = 1, #list do
      local c = list[i]
      if c ~= determining and c:isSatisfied() then
        c:recalculate()
        push(todo, c:output())
      end
    end
  end
  return unsatisfied
end

-- A plan: the satisfied constraints downstream of `sources`, in an order in
-- which each one's inputs are computed before it.
function Planner:makePlan(sources)
  local mark = self:newMark()
  local plan = {}
  local todo = newQueue()
  for i = 1, #sources do push(todo, sources[i]) end
  while not isEmpty(todo) do
    local c = pop(todo)
    local out = c:output()
    if out.mark ~= mark and c:inputsKnown(mark) then
      plan[#plan + 1] = c
      out.mark = mark
      self:addConstraintsConsumingTo(out, todo)
    end
  end
  return plan
end

function Planner:extractPlanFromConstraints(constraints)
  local sources = {}
  for i = 1, #constraints do
    local c = constraints[i]
    if c:isInput() and c:isSatisfied() then sources[#sources + 1] = c end
  end
  return self:makePlan(sources)
end

local function executePlan(plan)
  for i = 1, #plan do plan[i]:execute() end
end

-- Constraints -------------------------------------------------------------------

local Constraint = class()

function Constraint:addConstraint()
  self:addToGraph()
  planner:incrementalAdd(self)
end

-- Chooses a direction for this constraint and enforces it; returns the
-- constraint it overrode, if any.
function Constraint:satisfy(mark)
  self:chooseMethod(mark)
  if not self:isSatisfied() then
    if self.strength == REQUIRED then error("could not satisfy a required constraint") end
    return nil
  end
  self:markInputs(mark)
  local out = self:output()
  local overridden = out.determinedBy
  if overridden ~= nil then overridden:markUnsatisfied() end
  out.determinedBy = self
  if not planner:addPropagate(self, mark) then error("cycle encountered") end
  out.mark = mark
  return overridden
end

function Constraint:destroyConstraint()
  if self:isSatisfied() then planner:incrementalRemove(self) end
  self:removeFromGraph()
end

function Constraint:isInput() return false end

-- Constraints on one variable: stay (keep the value) and edit (an input).
local UnaryConstraint = class(Constraint)

function UnaryConstraint.init(self, v, strength)
  self.strength = strength
  self.myOutput = v
  self.satisfied = false
  self:addConstraint()
  return self
end

function UnaryConstraint:addToGraph()
  self.myOutput:addConstraint(self)
  self.satisfied = false
end

function UnaryConstraint:chooseMethod(mark)
  self.satisfied = self.myOutput.mark ~= mark and stronger(self.strength, self.myOutput.walkStrength)
end

function UnaryConstraint:isSatisfied() return self.satisfied end
function UnaryConstraint:markInputs(mark) end
function UnaryConstraint:output() return self.myOutput end

function UnaryConstraint:recalculate()
  local out = self.myOutput
  out.walkStrength = self.strength
  out.stay = not self:isInput()
  if out.stay then self:execute() end
end

function UnaryConstraint:markUnsatisfied() self.satisfied = false end
function UnaryConstraint:inputsKnown(mark) return true end

function UnaryConstraint:removeFromGraph()
  if self.myOutput ~= nil then self.myOutput:removeConstraint(self) end
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)
function StayConstraint.new(v, strength)
  return UnaryConstraint.init(setmetatable({}, StayConstraint), v, strength)
end
function StayConstraint:execute() end

local EditConstraint = class(UnaryConstraint)
function EditConstraint.new(v, strength)
  return UnaryConstraint.init(setmetatable({}, EditConstraint), v, strength)
end
function EditConstraint:isInput() return true end
function EditConstraint:execute() end

-- Constraints between two variables, computing one from the other in the
-- chosen direction.
local NONE, FORWARD, BACKWARD = 0, 1, -1

local BinaryConstraint = class(Constraint)

function BinaryConstraint.init(self, v1, v2, strength)
  self.strength = strength
  self.v1, self.v2 = v1, v2
  self.direction = NONE
  self:addConstraint()
  return self
end

function BinaryConstraint:chooseMethod(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    if v2.mark ~= mark and stronger(self.strength, v2.walkStrength) then
      self.direction = FORWARD
    else
      self.direction = NONE
    end
  elseif v2.mark == mark then
    if v1.mark ~= mark and stronger(self.strength, v1.walkStrength) then
      self.direction = BACKWARD
    else
      self.direction = NONE
    end
  elseif weaker(v1.walkStrength, v2.walkStrength) then
    if stronger(self.strength, v1.walkStrength) then self.direction = BACKWARD else self.direction = NONE end
  else
    if stronger(self.strength, v2.walkStrength) then self.direction = FORWARD else self.direction = BACKWARD end
  end
end

function BinaryConstraint:addToGraph()
  self.v1:addConstraint(self)
  self.v2:addConstraint(self)
  self.direction = NONE
end

function BinaryConstraint:isSatisfied() return self.direction ~= NONE end
function BinaryConstraint:markInputs(mark) self:input().mark = mark end

function BinaryConstraint:input()
  if self.direction == FORWARD then return self.v1 end
  return self.v2
end

function BinaryConstraint:output()
  if self.direction == FORWARD then return self.v2 end
  return self.v1
end

function BinaryConstraint:recalculate()
  local input, out = self:input(), self:output()
  out.walkStrength = weakest(self.strength, input.walkStrength)
  out.stay = input.stay
  if out.stay then self:execute() end
end

function BinaryConstraint:markUnsatisfied() self.direction = NONE end

function BinaryConstraint:inputsKnown(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determinedBy == nil
end

function BinaryConstraint:removeFromGraph()
  if self.v1 ~= nil then self.v1:removeConstraint(self) end
  if self.v2 ~= nil then self.v2:removeConstraint(self) end
  self.direction = NONE
end

local EqualityConstraint = class(BinaryConstraint)
function EqualityConstraint.new(v1, v2, strength)
  return BinaryConstraint.init(setmetatable({}, EqualityConstraint), v1, v2, strength)
end
function EqualityConstraint:execute()
  self:output().value = self:input().value
end

-- dst = src * scale + offset, with scale and offset variables as extra inputs.
local ScaleConstraint = class(BinaryConstraint)

function ScaleConstraint.new(src, scale, offset, dst, strength)
  local self = setmetatable({ scale = scale, offset = offset, direction = NONE }, ScaleConstraint)
  return BinaryConstraint.init(self, src, dst, strength)
end

function ScaleConstraint:addToGraph()
  BinaryConstraint.addToGraph(self)
  self.scale:addConstraint(self)
  self.offset:addConstraint(self)
end

function ScaleConstraint:removeFromGraph()
  BinaryConstraint.removeFromGraph(self)
  if self.scale ~= nil then self.scale:removeConstraint(self) end
  if self.offset ~= nil then self.offset:removeConstraint(self) end
end

function ScaleConstraint:markInputs(mark)
  BinaryConstraint.markInputs(self, mark)
  self.scale.mark = mark
  self.offset.mark = mark
end

function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = (self.v2.value - self.offset.value) / self.scale.value
  end
end

function ScaleConstraint:recalculate()
  local input, out = self:input(), self:output()
  out.walkStrength = weakest(self.strength, input.walkStrength)
  out.stay = input.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

-- The two tests -------------------------------------------------------------------

local function check(ok, what)
  if not ok then error(what .. " failed") end
end

-- v1 = v2 = ... = vn, a stay on the last and an edit on the first.
local function chainTest(n)
  planner = Planner.new()
  local first, last, prev
  for i = 0, n do
    local v = Variable.new("v" .. i)
    if prev ~= nil then EqualityConstraint.new(prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == n then last = v end
    prev = v
  end
  StayConstraint.new(last, STRONG_DEFAULT)
  local edit = EditConstraint.new(first, PREFERRED)
  local plan = planner:extractPlanFromConstraints({ edit })
  for i = 0, 99 do
    first.value = i
    executePlan(plan)
    check(last.value == i, "chain test")
  end
end

-- Sets `v` through an edit constraint, then removes the edit.
local function change(v, value)
  local edit = EditConstraint.new(v, PREFERRED)
  local plan = planner:extractPlanFromConstraints({ edit })
  for _ = 1, 10 do
    v.value = value
    executePlan(plan)
  end
  edit:destroyConstraint()
end

-- n pairs dst = src * scale + offset sharing one scale and one offset.
local function projectionTest(n)
  planner = Planner.new()
  local scale = Variable.new("scale", 10)
  local offset = Variable.new("offset", 1000)
  local src, dst
  local dests = {}
  for i = 0, n - 1 do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests[#dests + 1] = dst
    StayConstraint.new(src, NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  check(dst.value == 1170, "projection 1")
  change(dst, 1050)
  check(src.value == 5, "projection 2")
  change(scale, 5)
  for i = 0, n - 2 do check(dests[i + 1].value == i * 5 + 1000, "projection 3") end
  change(offset, 2000)
  for i = 0, n - 2 do check(dests[i + 1].value == i * 5 + 2000, "projection 4") end
end

local n = tonumber(arg and arg[1]) or 200
for _ = 1, n do
  chainTest(100)
  projectionTest(100)
end
print(string.format("deltablue %d rounds of chain and projection tests (100 variables)", n))
print("OK")
