-- Objects and metamethods: a small ray tracer whose vectors are objects with
-- arithmetic metamethods (__add, __sub, __mul, __unm) and methods (dot,
-- length, normalized), rendering spheres on a checkered plane lit by one
-- light, with shadows and one level of reflection, into an n x n image of
-- grey levels.
-- Check: every seventh pixel is rendered again by a scalar version of the
-- same computation (plain numbers, no vector objects), which performs the
-- same floating-point operations in the same order and so must give
-- exactly the same colour value, bit for bit.
-- family: objects and metamethods
-- sizes: full 340, quick 40

local sqrt, floor = math.sqrt, math.floor

local Vec = {}
Vec.__index = Vec

local function vec(x, y, z) return setmetatable({ x = x, y = y, z = z }, Vec) end

function Vec.__add(a, b) return vec(a.x + b.x, a.y + b.y, a.z + b.z) end
function Vec.__sub(a, b) return vec(a.x - b.x, a.y - b.y, a.z - b.z) end
function Vec.__mul(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y, a * b.z) end
  return vec(a.x * b, a.y * b, a.z * b)
end
function Vec.__unm(a) return vec(-a.x, -a.y, -a.z) end
function Vec:dot(b) return self.x * b.x + self.y * b.y + self.z * b.z end
function Vec:length() return sqrt(self:dot(self)) end
function Vec:normalized() return self * (1 / self:length()) end

-- The scene: spheres (centre, radius, reflectivity) above the plane y = 0.
local sphereData = {
  { 0.0, 1.0, 3.0, 1.0, 0.5 },
  { -1.8, 0.6, 4.2, 0.6, 0.2 },
  { 1.6, 0.8, 2.4, 0.8, 0.0 },
  { 0.4, 0.3, 1.4, 0.3, 0.7 },
}
local spheres = {}
for i, s in ipairs(sphereData) do
  spheres[i] = { centre = vec(s[1], s[2], s[3]), radius = s[4], reflect = s[5] }
end
local light = vec(-3.0, 5.0, -1.0)
local eye = vec(0.0, 1.2, -2.5)
local ambient = 0.1

-- Object version --------------------------------------------------------------

-- Nearest hit along origin + t * dir (dir normalised) for t > 1e-6:
-- returns t and the sphere index (0 for the plane), or nil.
local function intersect(origin, dir)
  local bestT, best = nil, nil
  for i = 1, #spheres do
    local s = spheres[i]
    local oc = origin - s.centre
    local b = oc:dot(dir)
    local c = oc:dot(oc) - s.radius * s.radius
    local disc = b * b - c
    if disc > 0 then
      local root = sqrt(disc)
      local t = -b - root
      if t <= 1e-6 then t = -b + root end
      if t > 1e-6 and (bestT == nil or t < bestT) then bestT, best = t, i end
    end
  end
  if dir.y < 0 then
    local t = -origin.y / dir.y
    if t > 1e-6 and (bestT == nil or t < bestT) then bestT, best = t, 0 end
  end
  return bestT, best
end

local function shade(origin, dir, depth)
  local t, hit = intersect(origin, dir)
  if t == nil then return 0.2 + 0.3 * dir.y end
  local point = origin + dir * t
  local normal, base, reflect
  if hit == 0 then
    normal = vec(0.0, 1.0, 0.0)
    if (floor(point.x * 2) + floor(point.z * 2)) % 2 == 0 then base = 0.9 else base = 0.3 end
    reflect = 0.1
  else
    local s = spheres[hit]
    normal = (point - s.centre) * (1 / s.radius)
    base = 0.8
    reflect = s.reflect
  end
  local toLight = light - point
  local lightDistance = toLight:length()
  toLight = toLight * (1 / lightDistance)
  local brightness = ambient
  local diffuse = normal:dot(toLight)
  if diffuse > 0 then
    local shadowT = intersect(point, toLight)
    if shadowT == nil or shadowT > lightDistance then brightness = brightness + diffuse end
  end
  local colour = base * brightness
  if reflect > 0 and depth < 2 then
    local bounce = dir - normal * (2 * dir:dot(normal))
    colour = colour * (1 - reflect) + reflect * shade(point, bounce, depth + 1)
  end
  return colour
end

local function rayThrough(px, py, n)
  local x = (px + 0.5) / n * 2 - 1
  local y = 1 - (py + 0.5) / n * 2
  return vec(x, y, 1.0):normalized()
end

local function grey(colour)
  local g = floor(colour * 255 + 0.5)
  if g < 0 then return 0 elseif g > 255 then return 255 end
  return g
end

-- Scalar version (the check) ------------------------------------------------------

local function intersectScalar(ox, oy, oz, dx, dy, dz)
  local bestT, best = nil, nil
  for i = 1, #sphereData do
    local s = sphereData[i]
    local ocx, ocy, ocz = ox - s[1], oy - s[2], oz - s[3]
    local b = ocx * dx + ocy * dy + ocz * dz
    local c = (ocx * ocx + ocy * ocy + ocz * ocz) - s[4] * s[4]
    local disc = b * b - c
    if disc > 0 then
      local root = sqrt(disc)
      local t = -b - root
      if t <= 1e-6 then t = -b + root end
      if t > 1e-6 and (bestT == nil or t < bestT) then bestT, best = t, i end
    end
  end
  if dy < 0 then
    local t = -oy / dy
    if t > 1e-6 and (bestT == nil or t < bestT) then bestT, best = t, 0 end
  end
  return bestT, best
end

local function shadeScalar(ox, oy, oz, dx, dy, dz, depth)
  local t, hit = intersectScalar(ox, oy, oz, dx, dy, dz)
  if t == nil then return 0.2 + 0.3 * dy end
  local px, py, pz = ox + dx * t, oy + dy * t, oz + dz * t
  local nx, ny, nz, base, reflect
  if hit == 0 then
    nx, ny, nz = 0.0, 1.0, 0.0
    if (floor(px * 2) + floor(pz * 2)) % 2 == 0 then base = 0.9 else base = 0.3 end
    reflect = 0.1
  else
    local s = sphereData[hit]
    local inv = 1 / s[4]
    nx, ny, nz = (px - s[1]) * inv, (py - s[2]) * inv, (pz - s[3]) * inv
    base = 0.8
    reflect = s[5]
  end
  local lx, ly, lz = light.x - px, light.y - py, light.z - pz
  local lightDistance = sqrt(lx * lx + ly * ly + lz * lz)
  local inv = 1 / lightDistance
  lx, ly, lz = lx * inv, ly * inv, lz * inv
  local brightness = ambient
  local diffuse = nx * lx + ny * ly + nz * lz
  if diffuse > 0 then
    local shadowT = intersectScalar(px, py, pz, lx, ly, lz)
    if shadowT == nil or shadowT > lightDistance then brightness = brightness + diffuse end
  end
  local colour = base * brightness
  if reflect > 0 and depth < 2 then
    local k = 2 * (dx * nx + dy * ny + dz * nz)
    local bx, by, bz = dx - nx * k, dy - ny * k, dz - nz * k
    colour = colour * (1 - reflect) + reflect * shadeScalar(px, py, pz, bx, by, bz, depth + 1)
  end
  return colour
end

local function rayThroughScalar(px, py, n)
  local x = (px + 0.5) / n * 2 - 1
  local y = 1 - (py + 0.5) / n * 2
  local inv = 1 / sqrt(x * x + y * y + 1.0 * 1.0)
  return x * inv, y * inv, 1.0 * inv
end

-- Render and check ----------------------------------------------------------------

local n = tonumber(arg and arg[1]) or 340
local sum, checked = 0, 0
for py = 0, n - 1 do
  for px = 0, n - 1 do
    local colour = shade(eye, rayThrough(px, py, n), 0)
    sum = sum + grey(colour)
    if (py * n + px) % 7 == 0 then
      local dx, dy, dz = rayThroughScalar(px, py, n)
      local want = shadeScalar(eye.x, eye.y, eye.z, dx, dy, dz, 0)
      if colour ~= want then
        error(string.format("pixel (%d, %d): colour %.17g, the scalar renderer gives %.17g", px, py, colour, want))
      end
      checked = checked + 1
    end
  end
end
print(string.format("ray-trace %d x %d: grey sum %d, %d pixels checked", n, n, sum, checked))
print("OK")
