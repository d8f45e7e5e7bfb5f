-- Objects and method calls: a simulation of an operating system's task
-- scheduler after Martin Richards' benchmark. Six tasks (an idle task, a
-- worker, two packet handlers and two devices), each an object with a run
-- method, exchange work and device packets through the scheduler, which
-- picks the highest-priority runnable task; tasks hold, release, suspend and
-- resume each other.
-- Check: one scheduler run in which the idle task loops 1000 times queues
-- exactly 2322 packets and holds a task 928 times; every run is checked.
-- family: objects and method calls
-- sizes: full 250, quick 10

local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4
local IDLE_COUNT = 1000
local EXPECTED_QUEUED, EXPECTED_HELD = 2322, 928

local function class()
  local c = {}
  c.__index = c
  return c
end

-- Packets -----------------------------------------------------------------

local Packet = class()

function Packet.new(link, id, kind)
  local data = {}
  for i = 1, DATA_SIZE do data[i] = 0 end
  return setmetatable({ link = link, id = id, kind = kind, a1 = 0, a2 = data }, Packet)
end

-- Appends this packet to the end of `queue`; returns the new queue head.
function Packet:addTo(queue)
  self.link = nil
  if queue == nil then return self end
  local last = queue
  local next = last.link
  while next ~= nil do
    last = next
    next = last.link
  end
  last.link = self
  return queue
end

-- Task control blocks -----------------------------------------------------
-- A task's state is three flags: a packet is pending, the task is waiting
-- (suspended), the task is held.

local Tcb = class()

function Tcb.new(link, id, priority, queue, task)
  return setmetatable({
    link = link, id = id, priority = priority, queue = queue, task = task,
    packetPending = queue ~= nil, taskWaiting = true, taskHolding = false,
  }, Tcb)
end

function Tcb:setRunning() self.packetPending, self.taskWaiting, self.taskHolding = false, false, false end
function Tcb:markAsNotHeld() self.taskHolding = false end
function Tcb:markAsHeld() self.taskHolding = true end
function Tcb:markAsSuspended() self.taskWaiting = true end
function Tcb:markAsRunnable() self.packetPending = true end

function Tcb:isHeldOrSuspended()
  return self.taskHolding or (self.taskWaiting and not self.packetPending)
end

function Tcb:run()
  local packet
  if self.packetPending and self.taskWaiting and not self.taskHolding then
    packet = self.queue
    self.queue = packet.link
    self.packetPending = self.queue ~= nil
    self.taskWaiting = false
  end
  return self.task:run(packet)
end

-- Adds a packet to this task's queue; returns the task to run next.
function Tcb:checkPriorityAdd(current, packet)
  if self.queue == nil then
    self.queue = packet
    self:markAsRunnable()
    if self.priority > current.priority then return self end
  else
    self.queue = packet:addTo(self.queue)
  end
  return current
end

-- The scheduler -------------------------------------------------------------

local Scheduler = class()

function Scheduler.new()
  return setmetatable({ queueCount = 0, holdCount = 0, blocks = {}, list = nil,
                        currentTcb = nil, currentId = nil }, Scheduler)
end

function Scheduler:addTask(id, priority, queue, task)
  self.currentTcb = Tcb.new(self.list, id, priority, queue, task)
  self.list = self.currentTcb
  self.blocks[id] = self.currentTcb
end

function Scheduler:addRunningTask(id, priority, queue, task)
  self:addTask(id, priority, queue, task)
  self.currentTcb:setRunning()
end

function Scheduler:schedule()
  self.currentTcb = self.list
  while self.currentTcb ~= nil do
    if self.currentTcb:isHeldOrSuspended() then
      self.currentTcb = self.currentTcb.link
    else
      self.currentId = self.currentTcb.id
      self.currentTcb = self.currentTcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self.blocks[id]
  if tcb == nil then return tcb end
  tcb:markAsNotHeld()
  if tcb.priority > self.currentTcb.priority then return tcb end
  return self.currentTcb
end

function Scheduler:holdCurrent()
  self.holdCount = self.holdCount + 1
  self.currentTcb:markAsHeld()
  return self.currentTcb.link
end

function Scheduler:suspendCurrent()
  self.currentTcb:markAsSuspended()
  return self.currentTcb
end

function Scheduler:queue(packet)
  local tcb = self.blocks[packet.id]
  if tcb == nil then return tcb end
  self.queueCount = self.queueCount + 1
  packet.link = nil
  packet.id = self.currentId
  return tcb:checkPriorityAdd(self.currentTcb, packet)
end

-- Tasks ---------------------------------------------------------------------

-- Exclusive or of two 16-bit values, without bitwise operators.
local function xor16(a, b)
  local r, bit = 0, 1
  for _ = 1, 16 do
    if a % 2 ~= b % 2 then r = r + bit end
    a = (a - a % 2) / 2
    b = (b - b % 2) / 2
    bit = bit * 2
  end
  return r
end

-- The idle task releases the two devices alternately, following a 16-bit
-- pseudo-random sequence, until its count runs out.
local IdleTask = class()

function IdleTask.new(scheduler, v1, count)
  return setmetatable({ scheduler = scheduler, v1 = v1, count = count }, IdleTask)
end

function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:holdCurrent() end
  local v1 = self.v1
  local low = v1 % 2
  v1 = (v1 - low) / 2
  if low == 0 then
    self.v1 = v1
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = xor16(v1, 0xD008)
  return self.scheduler:release(ID_DEVICE_B)
end

-- A device holds one packet at a time and sends it back when released.
local DeviceTask = class()

function DeviceTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, pending = nil }, DeviceTask)
end

function DeviceTask:run(packet)
  if packet == nil then
    local v = self.pending
    if v == nil then return self.scheduler:suspendCurrent() end
    self.pending = nil
    return self.scheduler:queue(v)
  end
  self.pending = packet
  return self.scheduler:holdCurrent()
end

-- The worker fills work packets with letters and sends them to the two
-- handlers in turn.
local WorkerTask = class()

function WorkerTask.new(scheduler, destination, letter)
  return setmetatable({ scheduler = scheduler, destination = destination, letter = letter }, WorkerTask)
end

function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspendCurrent() end
  if self.destination == ID_HANDLER_A then
    self.destination = ID_HANDLER_B
  else
    self.destination = ID_HANDLER_A
  end
  packet.id = self.destination
  packet.a1 = 0
  local data = packet.a2
  for i = 1, DATA_SIZE do
    local letter = self.letter + 1
    if letter > 26 then letter = 1 end
    self.letter = letter
    data[i] = letter
  end
  return self.scheduler:queue(packet)
end

-- A handler pairs work packets with device packets: each datum of a work
-- packet goes out on a device packet; the emptied work packet goes back.
local HandlerTask = class()

function HandlerTask.new(scheduler)
  return setmetatable({ scheduler = scheduler, work = nil, devices = nil }, HandlerTask)
end

function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.work = packet:addTo(self.work)
    else
      self.devices = packet:addTo(self.devices)
    end
  end
  local work = self.work
  if work ~= nil then
    local count = work.a1
    if count < DATA_SIZE then
      local device = self.devices
      if device ~= nil then
        self.devices = device.link
        device.a1 = work.a2[count + 1]
        work.a1 = count + 1
        return self.scheduler:queue(device)
      end
    else
      self.work = work.link
      return self.scheduler:queue(work)
    end
  end
  return self.scheduler:suspendCurrent()
end

-- One run ---------------------------------------------------------------------

local function runOnce()
  local s = Scheduler.new()
  s:addRunningTask(ID_IDLE, 0, nil, IdleTask.new(s, 1, IDLE_COUNT))

  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  s:addTask(ID_WORKER, 1000, queue, WorkerTask.new(s, ID_HANDLER_A, 0))

  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  s:addTask(ID_HANDLER_A, 2000, queue, HandlerTask.new(s))

  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  s:addTask(ID_HANDLER_B, 3000, queue, HandlerTask.new(s))

  s:addTask(ID_DEVICE_A, 4000, nil, DeviceTask.new(s))
  s:addTask(ID_DEVICE_B, 5000, nil, DeviceTask.new(s))
  s:schedule()
  return s.queueCount, s.holdCount
end

local n = tonumber(arg and arg[1]) or 250
for i = 1, n do
  local queued, held = runOnce()
  if queued ~= EXPECTED_QUEUED or held ~= EXPECTED_HELD then
    error(string.format("run %d: %d packets queued, %d holds; expected %d, %d",
                        i, queued, held, EXPECTED_QUEUED, EXPECTED_HELD))
  end
end
print(string.format("richards %d runs: %d packets queued, %d holds each", n, EXPECTED_QUEUED, EXPECTED_HELD))
print("OK")
